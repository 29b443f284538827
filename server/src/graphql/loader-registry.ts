import DataLoader from 'dataloader';

import { MAX_BATCH_SIZE } from '../database/data-source';

/**
 * The DataLoaders of one request, created on first use and keyed by what they load
 * (`byId:Region`, `pages:Project.pole:{…args}`). One registry per request: nothing cached here
 * is ever seen by another caller.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  /** Records read so far, by type and row shape: see `remember`. */
  private readonly records = new Map<string, Map<string, KnownRecords>>();

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

  /**
   * Keeps what a batch read of `typeName` rows with the columns `shapeKey` found: `id → record`,
   * `null` for an id read and not found (absent or hidden from the caller). `complete`: the
   * whole table was read, so an id not in `found` is not there. Lets a later lookup of the same
   * record in the same request answer at once, without a promise (`recall`).
   */
  remember(
    typeName: string,
    shapeKey: string,
    found: ReadonlyMap<number, unknown>,
    complete: boolean,
  ): void {
    let byShape = this.records.get(typeName);
    if (!byShape) this.records.set(typeName, (byShape = new Map()));
    const known = byShape.get(shapeKey);
    if (complete || !known) {
      byShape.set(shapeKey, { found: new Map(found), complete });
    } else if (!known.complete) {
      for (const [id, record] of found) known.found.set(id, record);
    }
  }

  /** The record `remember`ed for this id and shape, `null` if known absent, else `undefined`. */
  recall<T>(typeName: string, shapeKey: string, id: number): T | null | undefined {
    const known = this.records.get(typeName)?.get(shapeKey);
    if (!known) return undefined;
    const record = known.found.get(id);
    if (record !== undefined) return record as T | null;
    return known.complete ? null : undefined;
  }

  /** Forgets everything loaded so far (after a write in the same request). */
  clearAll(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
    this.records.clear();
  }
}

interface KnownRecords {
  found: Map<number, unknown>;
  complete: boolean;
}
