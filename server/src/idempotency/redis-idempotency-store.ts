import { randomUUID } from 'node:crypto';

import { createClient } from 'redis';

import { closeWithin, REDIS_CLOSE_GRACE_MS } from '../core/close-within';
import { DomainError } from '../core/domain-error';
import { throttledWarning } from '../core/throttled-warning';
import { withTimeout } from '../core/with-timeout';
import type { ClaimResult, IdempotencyStore, StoredResponse } from './idempotency-store';

interface RedisRecord {
  fingerprint: string;
  claim: string;
  state: 'pending' | 'done';
  response?: StoredResponse;
}

/** Deletes the key only if `claim` still owns it and it is still pending. */
const RELEASE_SCRIPT = `
local stored = redis.call('GET', KEYS[1])
if stored then
  local record = cjson.decode(stored)
  if record.claim == ARGV[1] and record.state == 'pending' then
    return redis.call('DEL', KEYS[1])
  end
end
return 0
`;

/** Replaces the record with the answer only if `claim` still owns it. */
const COMPLETE_SCRIPT = `
local stored = redis.call('GET', KEYS[1])
if stored then
  local record = cjson.decode(stored)
  if record.claim == ARGV[1] then
    return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  end
end
return 0
`;

/**
 * How long one Redis command may take. A Redis that is cut or stalled must not hold a mutation
 * (its commands would wait in the client's queue until Redis is back).
 */
const COMMAND_TIMEOUT_MS = 1000;

/** `command`, or a failure once Redis has not answered within `COMMAND_TIMEOUT_MS`. */
/** A Redis outage is logged at most this often, not once per request. */
const WARNING_INTERVAL_MS = 60_000;

const bounded = <T>(command: Promise<T>): Promise<T> =>
  withTimeout(command, COMMAND_TIMEOUT_MS, `Redis did not answer within ${COMMAND_TIMEOUT_MS} ms`);

function createConnection(url: string) {
  return createClient({
    url,
    // While disconnected a command fails at once: queued, a claim the request gave up on would
    // be applied once Redis is back and hold its key, pending, for its whole time to live.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 3000,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000),
    },
  });
}

/**
 * Records in Redis (`REDIS_URL`), shared by every server: `SET NX` claims a key for its whole
 * time to live. Redis cannot join the database transaction, so a request whose process died
 * between its commit and its answer keeps its key pending: its retries are answered CONFLICT
 * (never run twice) until the key expires. While Redis does not answer, a mutation with a key
 * is refused with SERVICE_UNAVAILABLE before it runs (its retries cannot be told apart), and one
 * that ran keeps its answer unstored (as above).
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly warning = throttledWarning(WARNING_INTERVAL_MS);

  private constructor(
    private readonly client: ReturnType<typeof createConnection>,
    private readonly keyPrefix: string,
    private readonly ttlMs: number,
  ) {}

  static async connect(
    url: string,
    keyPrefix: string,
    ttlMs: number,
  ): Promise<RedisIdempotencyStore> {
    const client = createConnection(url);
    // A dropped connection fails the requests that need it (as errors), not the process.
    client.on('error', () => undefined);
    await client.connect();
    return new RedisIdempotencyStore(client, `${keyPrefix}idempotency:`, ttlMs);
  }

  async claim(keyHash: string, fingerprint: string): Promise<ClaimResult> {
    const claim = randomUUID();
    try {
      return await this.claimOnce(keyHash, fingerprint, claim);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // Sent to a Redis that stalled, the claim may still be applied: its release follows it on
      // the same connection (Redis runs them in order), so the key is not held for nothing.
      this.release(keyHash, claim).catch(() => undefined);
      this.warning(
        `[idempotency] Redis failed, mutations with an Idempotency-Key are refused (503) meanwhile: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        'Idempotency-Key cannot be honoured now; nothing was run: retry in a few seconds with the same key.',
      );
    }
  }

  private async claimOnce(
    keyHash: string,
    fingerprint: string,
    claim: string,
  ): Promise<ClaimResult> {
    const key = this.keyPrefix + keyHash;
    const record: RedisRecord = { fingerprint, claim, state: 'pending' };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const set = await bounded(
        this.client.set(key, JSON.stringify(record), { NX: true, PX: this.ttlMs }),
      );
      if (set === 'OK') return { kind: 'claimed', claim };
      const stored = await bounded(this.client.get(key));
      if (stored === null) continue;
      const existing = JSON.parse(String(stored)) as RedisRecord;
      return existing.state === 'done'
        ? { kind: 'done', fingerprint: existing.fingerprint, response: existing.response ?? {} }
        : { kind: 'pending', fingerprint: existing.fingerprint };
    }
    throw new DomainError(
      'CONFLICT',
      'Requests with this Idempotency-Key are racing: retry in a moment',
    );
  }

  async complete(keyHash: string, claim: string, response: StoredResponse): Promise<void> {
    const stored = await bounded(this.client.get(this.keyPrefix + keyHash));
    if (stored === null) return;
    const record = JSON.parse(String(stored)) as RedisRecord;
    const done: RedisRecord = { ...record, state: 'done', response };
    await bounded(
      this.client.eval(COMPLETE_SCRIPT, {
        keys: [this.keyPrefix + keyHash],
        arguments: [claim, JSON.stringify(done), String(this.ttlMs)],
      }),
    );
  }

  async release(keyHash: string, claim: string): Promise<void> {
    await bounded(
      this.client.eval(RELEASE_SCRIPT, {
        keys: [this.keyPrefix + keyHash],
        arguments: [claim],
      }),
    );
  }

  async close(): Promise<void> {
    await closeWithin(this.client, REDIS_CLOSE_GRACE_MS);
  }
}
