import type { DataSource } from 'typeorm';

import type { ApiToken } from './api-token.entity';

/** How long a token read from the database is trusted without reading it again. */
export const TOKEN_LOOKUP_TTL_MS = 2000;
/** Tokens kept at most (a process sees few distinct tokens; this bounds a flood of them). */
const CAPACITY = 1000;

/** What authentication needs of a token row. */
export type KnownToken = Pick<
  ApiToken,
  'id' | 'name' | 'role' | 'regionId' | 'ministryId' | 'poleId' | 'revokedAt' | 'expiresAt'
>;

/**
 * Tokens by database and secret hash, kept `TOKEN_LOOKUP_TTL_MS`: every request of a client
 * authenticates, and reading and hydrating its token row was a sixth of the CPU of a small
 * query. A revocation through `revokeToken` in this process takes effect at once (it forgets
 * the token); one made by another process (the `npm run token` CLI) within the TTL. Expiry is
 * checked on every request from the kept expiry date, so it stays exact.
 */
class TokenLookupCache {
  private readonly entries = new Map<string, { token: KnownToken; until: number }>();

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
    if (this.entries.size >= CAPACITY) this.entries.clear();
    this.entries.set(keyOf(dataSource, secretHash), {
      token,
      until: Date.now() + TOKEN_LOOKUP_TTL_MS,
    });
  }

  forget(dataSource: DataSource, secretHash: string): void {
    this.entries.delete(keyOf(dataSource, secretHash));
  }
}

/** The database a data source names: the main and the writer connections of one file agree. */
function keyOf(dataSource: DataSource, secretHash: string): string {
  return `${String(dataSource.options.database ?? '')}\u0000${secretHash}`;
}

export const tokenLookupCache = new TokenLookupCache();
