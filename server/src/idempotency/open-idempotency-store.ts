import type { DataSource } from 'typeorm';

import type { AppConfig } from '../config/config';
import { DatabaseIdempotencyStore } from './database-idempotency-store';
import type { IdempotencyStore } from './idempotency-store';
import { RedisIdempotencyStore } from './redis-idempotency-store';

/** A running request holds its key this long (database store) before a retry may take it. */
const PENDING_LEASE_MS = 60_000;

/** The store the configuration asks for: Redis when `REDIS_URL` is set, the database otherwise. */
export async function openIdempotencyStore(
  config: AppConfig,
  dataSource: DataSource,
): Promise<IdempotencyStore> {
  const ttlMs = config.idempotency.ttlSeconds * 1000;
  return config.redis.url
    ? RedisIdempotencyStore.connect(config.redis.url, config.redis.keyPrefix, ttlMs)
    : new DatabaseIdempotencyStore(dataSource, ttlMs, PENDING_LEASE_MS);
}
