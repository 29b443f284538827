import type { DataSource } from 'typeorm';

import type { ApiToken } from './api-token.entity';

/** Tokens kept at most (a process sees few distinct tokens; this bounds a flood of them). */
const CAPACITY = 1000;

/** What authentication needs of a token row. */
export type KnownToken = Pick<
  ApiToken,
  'id' | 'name' | 'role' | 'regionId' | 'ministryId' | 'poleId' | 'revokedAt' | 'expiresAt'
>;

/**
 * Tokens by database and secret hash, kept `ttlMs` (TOKEN_CACHE_MS): every request of a client
 * authenticates, and reading and hydrating its token row was a sixth of the CPU of a small
 * query. A revocation (`npm run token -- revoke`, another process) takes effect within the TTL;
 * expiry is checked on every request from the kept expiry date, so it stays exact. 0 keeps
 * nothing.
 */
export class TokenLookupCache {
  private readonly entries = new Map<string, { token: KnownToken; until: number }>();

  constructor(private readonly ttlMs: number) {}

  get(dataSource: DataSource, secretHash: string): KnownToken | undefined {
    const key = keyOf(dataSource, secretHash);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.token;
  }

  set(dataSource: DataSource, secretHash: string, token: KnownToken): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= CAPACITY) this.entries.clear();
    this.entries.set(keyOf(dataSource, secretHash), {
      token,
      until: Date.now() + this.ttlMs,
    });
  }
}

/** The database a data source names (tests run several databases in one process). */
function keyOf(dataSource: DataSource, secretHash: string): string {
  return `${String(dataSource.options.database ?? '')}\u0000${secretHash}`;
}
