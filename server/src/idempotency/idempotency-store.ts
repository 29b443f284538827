import type { EntityManager } from 'typeorm';

/** The first answer to a request, as kept for its retries. */
export interface StoredResponse {
  data?: unknown;
  errors?: readonly unknown[];
}

/** What a claim on a key finds. */
export type ClaimResult =
  /** The key is new (or its record expired): this request runs, under `claim`. */
  | { kind: 'claimed'; claim: string }
  /** Another request with the key is running. */
  | { kind: 'pending'; fingerprint: string }
  /** A request with the key committed, but its answer was lost with its process. */
  | { kind: 'committed'; fingerprint: string }
  /** A request with the key finished: its answer. */
  | { kind: 'done'; fingerprint: string; response: StoredResponse };

/**
 * Where `Idempotency-Key` records live: in Redis when `REDIS_URL` is set (shared by every
 * server), else in the database. `keyHash` already includes the caller.
 */
export interface IdempotencyStore {
  claim(keyHash: string, fingerprint: string): Promise<ClaimResult>;
  /**
   * Inside the mutation's own transaction: marks the claim as committed, so the mark and the
   * write are one (database store). Throws when the claim was taken over, which rolls the
   * write back. Absent when the store cannot join the transaction (Redis).
   */
  markCommitted?(manager: EntityManager, keyHash: string, claim: string): Promise<void>;
  /** Keeps the answer for the retries. */
  complete(keyHash: string, claim: string, response: StoredResponse): Promise<void>;
  /** Forgets a claim whose request wrote nothing, so that a retry runs. */
  release(keyHash: string, claim: string): Promise<void>;
  close(): Promise<void>;
}
