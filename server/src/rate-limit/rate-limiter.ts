import type { Caller } from '../auth/roles';
import type { AppConfig } from '../config/config';
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

/** Takes the cost of each request from its caller's bucket (see leaky-bucket.ts). */
export class RateLimiter {
  readonly settings: BucketSettings;

  constructor(
    private readonly store: RateLimitStore,
    settings: BucketSettings,
  ) {
    this.settings = { ...settings };
  }

  /** The store the configuration asks for: Redis when `REDIS_URL` is set, memory otherwise. */
  static async fromConfig(config: AppConfig): Promise<RateLimiter> {
    const store = config.redisUrl
      ? await RedisRateLimitStore.connect(config.redisUrl, config.redisKeyPrefix)
      : new MemoryRateLimitStore();
    return new RateLimiter(store, {
      capacity: config.rateLimitPoints,
      restoreRate: config.rateLimitRestoreRate,
    });
  }

  /** Takes `cost` points from the caller's bucket, if it holds them. */
  async take(caller: Caller, cost: number): Promise<RateLimitStatus> {
    const { allowed, remaining, nowMs } = await this.store.take(
      rateLimitKey(caller),
      cost,
      this.settings,
    );
    return {
      allowed,
      cost,
      limit: this.settings.capacity,
      remaining: Math.floor(remaining),
      restoreRate: this.settings.restoreRate,
      resetAt: new Date(fullAtMs(remaining, this.settings, nowMs)),
      retryAfterSeconds: allowed ? 0 : secondsUntilAvailable(remaining, cost, this.settings),
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
