import DataLoader from 'dataloader';

import { MAX_BATCH_SIZE } from '../database/data-source';

/**
 * The DataLoaders of one request, created on first use and keyed by what they load
 * (`byId:Region`, `pages:Project.pole:{…args}`). One registry per request: nothing cached here
 * is ever seen by another caller.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V, C = K>(
    key: string,
    batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
    cacheKey?: (key: K) => C,
  ): DataLoader<K, V, C> {
    let loader = this.loaders.get(key) as DataLoader<K, V, C> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, C>(batch, {
        maxBatchSize: MAX_BATCH_SIZE,
        cacheKeyFn: cacheKey,
      });
      this.loaders.set(key, loader as unknown as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Forgets everything loaded so far (after a write in the same request). */
  clearAll(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
  }
}
