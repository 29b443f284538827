import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A mutation request sent with an `Idempotency-Key`, when the keys live in the database (no
 * `REDIS_URL`). `state` goes `pending` (claimed, running) → `committed` (written in the same
 * transaction as the mutation's own changes) → `done` (the answer is kept in `response`).
 */
@Entity('idempotency_record')
export class IdempotencyRecord {
  /** SHA-256 of the caller and the key: the key itself is the client's and never stored. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  keyHash!: string;

  /** SHA-256 of the request (document, operation name, variables). */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  /** Which claim owns the record: a claim taken over after its lease lost it. */
  @Column({ type: 'varchar', length: 36 })
  claim!: string;

  @Column({ type: 'varchar', length: 12 })
  state!: 'pending' | 'committed' | 'done';

  /** How many writes of the request committed (a document may hold several mutations). */
  @Column({ type: 'int', default: 0 })
  commits!: number;

  /** The first answer, as JSON (`data` and `errors`), once the request is done. */
  @Column({ type: 'text', nullable: true })
  response!: string | null;

  /**
   * Until when (epoch milliseconds) a pending claim holds (then its request is deemed dead and
   * the key may run again) or a finished record is kept.
   */
  @Index()
  @Column({ type: 'bigint' })
  expiresAtMs!: string | number;
}
