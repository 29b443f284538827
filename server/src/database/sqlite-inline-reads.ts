import type BetterSqlite3 from 'better-sqlite3';

import { createFold } from './query/sql-dialect';

/** Runs a statement's worker answers must have stayed within the limit before it runs inline. */
const PROVEN_RUNS = 3;
/** Statements whose record is kept; past it the records start afresh (bounded memory). */
const MAX_RECORDS = 5000;
/** An inline run over this many times the limit sends its statement back to the workers. */
const INLINE_TOLERANCE = 10;
/** Prepared statements kept on the inline connection. */
const MAX_PREPARED = 500;

/** What is known of one statement text: how many fast answers in a row, or that it is slow. */
interface StatementRecord {
  fastRuns: number;
  slow: boolean;
}

/**
 * Reads that SQLite answers in well under a millisecond (a pole by slug, the regions, a page of
 * rows by key) cost far more in the round trip to a read worker (two process wake-ups and the
 * serialisation of the rows, measured at 1–3 ms of CPU per statement on a loaded 2-core machine)
 * than in SQLite itself. This policy learns, per statement text, which reads are that cheap:
 * a statement runs in the workers until it has answered `PROVEN_RUNS` times in a row within
 * `limitMs` of CPU there; from then on it runs here, on the main thread, on an in-process
 * read-only connection; the first inline run over ten times the limit sends it back to the
 * workers for good. The
 * freeze an inline read can cause is thus bounded by what it was measured at, except for the
 * one run that proves it slow. A statement's text includes its placeholders (an `IN` list of 5
 * keys is not one of 500), not the values, so a text whose cost depends on its values can be
 * fast three times and slow once: that once runs on the main thread, and never again.
 */
export class SqliteInlineReads {
  private readonly records = new Map<string, StatementRecord>();
  private readonly prepared = new Map<string, BetterSqlite3.Statement>();
  private connection: BetterSqlite3.Database | undefined;

  constructor(
    private readonly path: string,
    private readonly limitMs: number,
  ) {}

  /** Whether this statement has proven fast enough to run here. */
  accepts(sql: string): boolean {
    if (this.limitMs <= 0) return false;
    const record = this.records.get(sql);
    return record !== undefined && !record.slow && record.fastRuns >= PROVEN_RUNS;
  }

  /** What the workers measured: counts towards running inline, or marks the statement slow. */
  observe(sql: string, ms: number): void {
    if (this.limitMs <= 0) return;
    let record = this.records.get(sql);
    if (!record) {
      if (this.records.size >= MAX_RECORDS) this.records.clear();
      record = { fastRuns: 0, slow: false };
      this.records.set(sql, record);
    }
    if (ms > this.limitMs) {
      record.fastRuns = 0;
      // Slow in a worker once: it may be again, it stays there.
      record.slow = true;
    } else if (!record.slow) {
      record.fastRuns += 1;
    }
  }

  /** Runs a statement that `accepts` on the main thread. */
  read(sql: string, params: readonly unknown[]): Record<string, unknown>[] {
    const statement = this.statement(sql);
    const bound = params.map((value) => (typeof value === 'boolean' ? Number(value) : value));
    // CPU time, as in the workers: a preempted run on a busy machine must not look slow. A
    // statement measured fast that now takes ten times as long has changed.
    const started = process.cpuUsage();
    const rows = statement.all(...bound) as Record<string, unknown>[];
    const used = process.cpuUsage(started);
    if ((used.user + used.system) / 1000 > this.limitMs * INLINE_TOLERANCE) {
      const record = this.records.get(sql);
      if (record) record.slow = true;
    }
    return rows;
  }

  close(): void {
    this.prepared.clear();
    this.connection?.close();
    this.connection = undefined;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.open().prepare(sql);
      if (this.prepared.size >= MAX_PREPARED) this.prepared.clear();
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  private open(): BetterSqlite3.Database {
    if (!this.connection) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Database = require('better-sqlite3') as typeof BetterSqlite3;
      // Read-only, like the workers: it sees every committed write (WAL), never an uncommitted one.
      this.connection = new Database(this.path, { readonly: true, fileMustExist: true });
      this.connection.function('fold', { deterministic: true }, createFold());
    }
    return this.connection;
  }
}
