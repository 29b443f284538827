import {
  type BucketSettings,
  type BucketState,
  type BucketTake,
  takeFromBucket,
} from './leaky-bucket';
import type { RateLimitStore } from './rate-limit-store';

/** Buckets kept at most: past it, the least recently used go (they come back full). */
export const MEMORY_STORE_MAX_BUCKETS = 100_000;

/**
 * Buckets in this process's memory: right for one server. The map keeps the most recently used
 * bucket last, so the oldest one is the first to go when there are too many callers.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, BucketState>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxBuckets = MEMORY_STORE_MAX_BUCKETS,
  ) {}

  async take(key: string, cost: number, settings: BucketSettings): Promise<BucketTake> {
    const { take, next } = takeFromBucket(this.buckets.get(key), cost, settings, this.now());
    if (next && cost !== 0) {
      this.buckets.delete(key);
      this.buckets.set(key, next);
      if (this.buckets.size > this.maxBuckets) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    }
    return take;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.buckets.clear();
  }
}
