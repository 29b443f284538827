import { randomUUID } from 'node:crypto';

import type { DataSource, EntityManager } from 'typeorm';

import { DomainError } from '../core/domain-error';
import { inTransaction } from '../database/transactions';
import { IdempotencyRecord } from './idempotency-record.entity';
import type { ClaimResult, IdempotencyStore, StoredResponse } from './idempotency-store';

/** Claims that race on one key: each attempt either wins, or reads the winner's record. */
const CLAIM_ATTEMPTS = 3;
/** Characters of an answer kept; at most 4 bytes each, within MySQL's 65,535-byte TEXT. */
const MAX_RESPONSE_CHARS = 16_000;

function isDuplicateKey(error: unknown): boolean {
  const driverError = (error as { driverError?: unknown })?.driverError ?? error;
  const { code, errno } = (driverError ?? {}) as { code?: string; errno?: number };
  return (
    code === 'ER_DUP_ENTRY' ||
    errno === 1062 ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

function isDeadlock(error: unknown): boolean {
  const driverError = (error as { driverError?: unknown })?.driverError ?? error;
  const { code, errno } = (driverError ?? {}) as { code?: string; errno?: number };
  return code === 'ER_LOCK_DEADLOCK' || errno === 1213;
}

/**
 * Records in the `idempotency_record` table. A claim is a row of its own transaction; the mark
 * "committed" is written in the mutation's transaction, so a request whose process died is
 * known to have written (its retries are told so) or known not to have (its claim's lease
 * expires and a retry runs it).
 */
export class DatabaseIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlMs: number,
    /** How long a running request holds its key before it is deemed dead. */
    private readonly leaseMs: number,
  ) {}

  async claim(keyHash: string, fingerprint: string): Promise<ClaimResult> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt += 1) {
      const claim = randomUUID();
      const now = Date.now();
      const fresh = {
        fingerprint,
        claim,
        state: 'pending' as const,
        commits: 0,
        response: null,
        expiresAtMs: now + this.leaseMs,
      };
      try {
        await inTransaction(this.dataSource, (manager) =>
          manager.insert(IdempotencyRecord, { keyHash, ...fresh }),
        );
        return { kind: 'claimed', claim };
      } catch (error) {
        // InnoDB may pick a racing claim as a deadlock victim: it lost, like a duplicate key.
        if (!isDuplicateKey(error) && !isDeadlock(error)) throw error;
      }
      const existing = await this.dataSource.manager.findOneBy(IdempotencyRecord, { keyHash });
      if (!existing) continue;
      if (Number(existing.expiresAtMs) <= now) {
        // A dead request's claim (nothing of it committed) or a record past its time.
        const taken = await inTransaction(this.dataSource, (manager) =>
          manager
            .createQueryBuilder()
            .update(IdempotencyRecord)
            .set(fresh)
            .where('keyHash = :keyHash AND claim = :claim', { keyHash, claim: existing.claim })
            .execute(),
        );
        if (taken.affected === 1) return { kind: 'claimed', claim };
        continue;
      }
      if (existing.state === 'done') {
        return {
          kind: 'done',
          fingerprint: existing.fingerprint,
          response: JSON.parse(existing.response ?? '{}') as StoredResponse,
        };
      }
      return { kind: existing.state, fingerprint: existing.fingerprint };
    }
    throw new DomainError(
      'CONFLICT',
      'Requests with this Idempotency-Key are racing: retry in a moment',
    );
  }

  async markCommitted(manager: EntityManager, keyHash: string, claim: string): Promise<void> {
    const marked = await manager
      .createQueryBuilder()
      .update(IdempotencyRecord)
      .set({
        state: 'committed',
        commits: () => 'commits + 1',
        expiresAtMs: Date.now() + this.ttlMs,
      })
      .where('keyHash = :keyHash AND claim = :claim', { keyHash, claim })
      .execute();
    if (marked.affected !== 1) {
      throw new DomainError(
        'CONFLICT',
        'This request outlived its Idempotency-Key claim and a retry took the key over: ' +
          'nothing of it was written',
      );
    }
  }

  async complete(keyHash: string, claim: string, response: StoredResponse): Promise<void> {
    const json = JSON.stringify(response);
    // A TEXT column holds 64 KB: a bigger answer is not kept, its retries learn it was written.
    const kept =
      json.length <= MAX_RESPONSE_CHARS
        ? { state: 'done' as const, response: json }
        : { state: 'committed' as const };
    await inTransaction(this.dataSource, (manager) =>
      manager
        .createQueryBuilder()
        .update(IdempotencyRecord)
        .set({ ...kept, expiresAtMs: Date.now() + this.ttlMs })
        .where('keyHash = :keyHash AND claim = :claim', { keyHash, claim })
        .execute(),
    );
    await this.purgeExpired();
  }

  async release(keyHash: string, claim: string): Promise<void> {
    await inTransaction(this.dataSource, (manager) =>
      manager
        .createQueryBuilder()
        .delete()
        .from(IdempotencyRecord)
        .where("keyHash = :keyHash AND claim = :claim AND state = 'pending'", { keyHash, claim })
        .execute(),
    );
  }

  private lastPurgeMs = 0;

  /** Expired records go at most once a minute, a bounded batch at a time (indexed). */
  private async purgeExpired(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurgeMs < 60_000) return;
    this.lastPurgeMs = now;
    const expired = await this.dataSource.manager
      .createQueryBuilder(IdempotencyRecord, 'record')
      .select('record.keyHash', 'keyHash')
      .where('record.expiresAtMs <= :now', { now })
      .limit(1000)
      .getRawMany<{ keyHash: string }>();
    if (expired.length === 0) return;
    await inTransaction(this.dataSource, (manager) =>
      manager
        .createQueryBuilder()
        .delete()
        .from(IdempotencyRecord)
        .where('keyHash IN (:...keys) AND expiresAtMs <= :now', {
          keys: expired.map((row) => row.keyHash),
          now,
        })
        .execute(),
    );
  }

  async close(): Promise<void> {}
}
