import type { BucketSettings, BucketTake } from './leaky-bucket';

/** Where the buckets live: this process's memory, or Redis when several servers share them. */
export interface RateLimitStore {
  /**
   * Takes `cost` points from the bucket `key` if it holds them; a cost of 0 only reads it, a
   * negative one gives points back up to a full bucket.
   */
  take(key: string, cost: number, settings: BucketSettings): Promise<BucketTake>;
  /** Resolves when the store answers (readiness probe); the memory store always does. */
  ping(): Promise<void>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
