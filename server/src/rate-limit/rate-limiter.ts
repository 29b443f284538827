import type { Caller } from '../auth/roles';
import type { AppConfig, LimitsConfig } from '../config/config';
import { type BucketSettings, fullAtMs, secondsUntilAvailable } from './leaky-bucket';
import { MemoryRateLimitStore } from './memory-rate-limit-store';
import type { RateLimitStore } from './rate-limit-store';
import { RedisRateLimitStore } from './redis-rate-limit-store';

/** Where a caller stands after a request: what `extensions.cost`, the headers and `rateLimit` show. */
export interface RateLimitStatus {
  /** Whether the request's cost was taken (false: refused with RATE_LIMITED). */
  allowed: boolean;
  /** Points this request asked for. */
  cost: number;
  /** Points a full bucket holds. */
  limit: number;
  /** Points left (rounded down). */
  remaining: number;
  /** Points given back per second. */
  restoreRate: number;
  /** When the bucket is full again. */
  resetAt: Date;
  /** Whole seconds until a refused request could run; 0 when allowed. */
  retryAfterSeconds: number;
}

/** Each caller's bucket: per API token, or per IP address for anonymous callers. */
export function rateLimitKey(caller: Caller): string {
  return caller.kind === 'token' ? `token:${caller.tokenId}` : `ip:${caller.ip}`;
}

/** The most one operation of `caller` may cost: its role's ceiling, or the anonymous one. */
export function queryCostCeiling(
  config: Pick<LimitsConfig, 'maxQueryCost' | 'maxQueryCostByRole'>,
  caller: Caller,
): number {
  return caller.kind === 'token' ? config.maxQueryCostByRole[caller.role] : config.maxQueryCost;
}

/**
 * Takes the cost of each request from its caller's bucket (see leaky-bucket.ts). A caller
 * whose ceiling is above the base bucket gets a bucket that holds its ceiling and refills in
 * the same time, so that its largest operation can run and be followed by others.
 */
export class RateLimiter {
  readonly settings: BucketSettings;

  constructor(
    private readonly store: RateLimitStore,
    settings: BucketSettings,
    private readonly ceilingOf: (caller: Caller) => number = () => settings.capacity,
  ) {
    this.settings = { ...settings };
  }

  /** The store the configuration asks for: Redis when `REDIS_URL` is set, memory otherwise. */
  static async fromConfig(config: AppConfig): Promise<RateLimiter> {
    const store = config.redis.url
      ? await RedisRateLimitStore.connect(config.redis.url, config.redis.keyPrefix)
      : new MemoryRateLimitStore();
    return new RateLimiter(
      store,
      { capacity: config.rateLimit.points, restoreRate: config.rateLimit.restoreRate },
      (caller) => queryCostCeiling(config.limits, caller),
    );
  }

  /** The bucket of `caller`: the base one, grown to its ceiling with a proportional refill. */
  settingsFor(caller: Caller): BucketSettings {
    const capacity = Math.max(this.settings.capacity, this.ceilingOf(caller));
    const restoreRate = (this.settings.restoreRate * capacity) / this.settings.capacity;
    return { capacity, restoreRate };
  }

  /** Takes `cost` points from the caller's bucket, if it holds them; 0 only reads it. */
  take(caller: Caller, cost: number): Promise<RateLimitStatus> {
    return this.apply(caller, cost, cost);
  }

  /**
   * Takes `points` for work already done (a bulk export or import, priced once its size is
   * known), or what is left when the bucket holds less: the caller then waits for the refill.
   */
  async charge(caller: Caller, points: number): Promise<RateLimitStatus> {
    const { remaining } = await this.take(caller, 0);
    return this.take(caller, Math.max(0, Math.min(points, remaining)));
  }

  /**
   * Gives back `points` taken for a request that did less than was asked (Shopify's refund of
   * requested minus actual cost), never beyond a full bucket. `cost` is what it finally cost.
   */
  refund(caller: Caller, points: number, cost: number): Promise<RateLimitStatus> {
    return this.apply(caller, -Math.max(0, points), cost);
  }

  private async apply(caller: Caller, change: number, cost: number): Promise<RateLimitStatus> {
    const settings = this.settingsFor(caller);
    const { allowed, remaining, nowMs } = await this.store.take(
      rateLimitKey(caller),
      change,
      settings,
    );
    return {
      allowed,
      cost,
      limit: settings.capacity,
      remaining: Math.floor(remaining),
      restoreRate: settings.restoreRate,
      resetAt: new Date(fullAtMs(remaining, settings, nowMs)),
      retryAfterSeconds: allowed ? 0 : secondsUntilAvailable(remaining, change, settings),
    };
  }

  /** Whether the store answers: Redis when REDIS_URL is set. */
  ping(): Promise<void> {
    return this.store.ping();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

/** The `X-RateLimit-*` headers (GitHub's names; the reset is in epoch seconds) and `Retry-After`. */
export function rateLimitHeaders(status: RateLimitStatus): [string, string][] {
  const headers: [string, string][] = [
    ['x-ratelimit-limit', String(status.limit)],
    ['x-ratelimit-remaining', String(status.remaining)],
    ['x-ratelimit-reset', String(Math.ceil(status.resetAt.getTime() / 1000))],
  ];
  if (!status.allowed) headers.push(['retry-after', String(status.retryAfterSeconds)]);
  return headers;
}
