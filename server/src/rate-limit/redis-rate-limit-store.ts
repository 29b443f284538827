import { createHash } from 'node:crypto';

import { createClient } from 'redis';

import { closeWithin, REDIS_CLOSE_GRACE_MS } from '../core/close-within';
import { throttledWarning } from '../core/throttled-warning';
import { withTimeout } from '../core/with-timeout';
import type { BucketSettings, BucketTake } from './leaky-bucket';
import type { RateLimitStore } from './rate-limit-store';

/**
 * `takeFromBucket` (leaky-bucket.ts) in Lua, so that read, refill and take are one atomic step
 * for every server sharing the bucket. Redis's own clock dates the bucket, so servers whose
 * clocks drift still agree. A bucket expires once it would be full again: idle callers cost
 * no memory. KEYS[1]: the bucket; ARGV: capacity, restore rate (points/s), cost (negative: a refund).
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local stored = redis.call('HMGET', KEYS[1], 'points', 'at')
local points = capacity
if stored[1] and stored[2] then
  points = math.min(capacity, tonumber(stored[1]) + math.max(0, now - tonumber(stored[2])) * rate / 1000)
end
local allowed = 0
if points >= cost then
  allowed = 1
  if cost ~= 0 then
    points = math.min(capacity, points - cost)
    redis.call('HSET', KEYS[1], 'points', tostring(points), 'at', tostring(now))
    redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - points) * 1000 / rate) + 1000)
  end
end
return { allowed, tostring(points), tostring(now) }
`;
const TAKE_SCRIPT_SHA1 = createHash('sha1').update(TAKE_SCRIPT).digest('hex');

/** How long a command may wait for Redis before the request goes on without it. */
const COMMAND_TIMEOUT_MS = 500;
/** A Redis outage is logged at most this often, not once per request. */
const WARNING_INTERVAL_MS = 60_000;

/** `connected()` tells whether the first connection succeeded: until then, no retry. */
function createConnection(url: string, connected: () => boolean) {
  return createClient({
    url,
    // Fail fast while disconnected instead of queueing requests behind a dead connection.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 3000,
      // A server that never answered is a configuration mistake to report at once; one that
      // answered and went away is retried, at most every 5 s.
      reconnectStrategy: (retries) => (connected() ? Math.min(100 * 2 ** retries, 5000) : false),
    },
  });
}

type RedisConnection = ReturnType<typeof createConnection>;

/**
 * Buckets in Redis (`REDIS_URL`), shared by every server of a deployment. When Redis does not
 * answer, requests are let through (and the outage logged): the rate limit protects the
 * service, and must not become the reason it is down.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly warning = throttledWarning(WARNING_INTERVAL_MS);

  private constructor(
    private readonly client: RedisConnection,
    private readonly keyPrefix: string,
  ) {}

  /** Connects to `url`; a server that does not answer within a few seconds stops the start. */
  static async connect(url: string, keyPrefix: string): Promise<RedisRateLimitStore> {
    let connected = false;
    const client = createConnection(url, () => connected);
    const store = new RedisRateLimitStore(client, keyPrefix);
    // Without a listener, a dropped connection would crash the process. Failures to connect
    // at start are reported by the error thrown below instead.
    client.on('error', (error: unknown) => {
      if (connected) store.warn(error);
    });
    try {
      await withTimeout(client.connect(), 5000, `Redis at ${redactUrl(url)} did not answer`);
      connected = true;
    } catch (error) {
      if (client.isOpen) client.destroy();
      throw new Error(
        `The rate limit cannot reach Redis (REDIS_URL=${redactUrl(url)}): ${describe(error)}`,
      );
    }
    return store;
  }

  async take(key: string, cost: number, settings: BucketSettings): Promise<BucketTake> {
    const options = {
      keys: [`${this.keyPrefix}ratelimit:${key}`],
      arguments: [String(settings.capacity), String(settings.restoreRate), String(cost)],
    };
    try {
      const reply = await withTimeout(
        this.client.evalSha(TAKE_SCRIPT_SHA1, options).catch((error: unknown) => {
          // First use on this Redis (or after SCRIPT FLUSH): send the script itself once.
          if (describe(error).startsWith('NOSCRIPT')) return this.client.eval(TAKE_SCRIPT, options);
          throw error;
        }),
        COMMAND_TIMEOUT_MS,
        'Redis did not answer in time',
      );
      const [allowed, remaining, nowMs] = reply as [number, string, string];
      return { allowed: allowed === 1, remaining: Number(remaining), nowMs: Number(nowMs) };
    } catch (error) {
      this.warn(error);
      return { allowed: true, remaining: settings.capacity, nowMs: Date.now() };
    }
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    await closeWithin(this.client, REDIS_CLOSE_GRACE_MS);
  }

  private warn(error: unknown): void {
    this.warning(
      `[rate-limit] Redis failed, requests go through unlimited meanwhile: ${describe(error)}`,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
