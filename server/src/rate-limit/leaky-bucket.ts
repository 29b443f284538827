/**
 * The leaky bucket of cost points (the model of Shopify's GraphQL throttle): each caller has a
 * bucket of `capacity` points that refills at `restoreRate` points per second, and a request runs
 * only if the bucket still holds its cost. The arithmetic lives here once; the Redis store runs
 * the same steps in Lua (see redis-rate-limit-store.ts).
 */

export interface BucketSettings {
  /** Points a full bucket holds. */
  capacity: number;
  /** Points given back per second, up to `capacity`. */
  restoreRate: number;
}

/** What a store keeps per caller: the points left at one instant. */
export interface BucketState {
  points: number;
  updatedAtMs: number;
}

/** A store's answer: taken or not, and what is left. */
export interface BucketTake {
  allowed: boolean;
  /** Points left after the take (unchanged when refused). */
  remaining: number;
  /** The store's clock, in ms since the epoch (Redis answers with its own). */
  nowMs: number;
}

/** The bucket `state` left at `nowMs`, refilled for the time gone by (a missing state is full). */
export function refill(
  state: BucketState | undefined,
  settings: BucketSettings,
  nowMs: number,
): number {
  if (!state) return settings.capacity;
  const elapsedMs = Math.max(0, nowMs - state.updatedAtMs);
  return Math.min(settings.capacity, state.points + (elapsedMs * settings.restoreRate) / 1000);
}

/**
 * Takes `cost` points if the bucket holds them; a cost of 0 only reads; a negative cost gives
 * points back (a refund), up to a full bucket.
 */
export function takeFromBucket(
  state: BucketState | undefined,
  cost: number,
  settings: BucketSettings,
  nowMs: number,
): { take: BucketTake; next: BucketState | undefined } {
  const points = refill(state, settings, nowMs);
  if (points < cost) return { take: { allowed: false, remaining: points, nowMs }, next: state };
  if (cost === 0) return { take: { allowed: true, remaining: points, nowMs }, next: state };
  const remaining = Math.min(settings.capacity, points - cost);
  return {
    take: { allowed: true, remaining, nowMs },
    next: { points: remaining, updatedAtMs: nowMs },
  };
}

/** When a bucket holding `remaining` points is full again, in ms since the epoch. */
export function fullAtMs(remaining: number, settings: BucketSettings, nowMs: number): number {
  return nowMs + Math.ceil(((settings.capacity - remaining) * 1000) / settings.restoreRate);
}

/** Whole seconds to wait until a bucket holding `remaining` points holds `cost` (at least 1). */
export function secondsUntilAvailable(
  remaining: number,
  cost: number,
  settings: BucketSettings,
): number {
  return Math.max(1, Math.ceil((cost - remaining) / settings.restoreRate));
}
