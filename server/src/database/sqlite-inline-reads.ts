import { performance } from 'node:perf_hooks';

import type BetterSqlite3 from 'better-sqlite3';

import { createFold } from './query/sql-dialect';
import { rowObjects } from './sqlite-rows';

/** Runs a statement's worker answers must have stayed within the limit before it runs inline. */
const PROVEN_RUNS = 3;
/** Statements whose record is kept; past it the records start afresh (bounded memory). */
const MAX_RECORDS = 5000;
/** An inline run over this many times the limit sends its statement back to the workers. */
const INLINE_TOLERANCE = 10;
/** Prepared statements kept on the inline connection. */
const MAX_PREPARED = 500;

/** Inline runs over the tolerance that send a statement back to the workers for good… */
const STRIKES = 2;
/**
 * …when they come within this many inline runs: past it, a strike is forgotten. On a shared
 * machine a statement of 0.05 ms is now and then preempted or caught by a garbage collection for
 * 10 ms and more; without forgetting, every statement of the pole-detail benchmark (3 per request)
 * had gone back to the workers for good within 10 s of load, each trip costing more CPU than the
 * read (the profile's `writeBuffer` under the read pool).
 */
const FORGIVE_AFTER_RUNS = 100;

/** What is known of one statement text: fast answers in a row, slow inline runs. */
interface StatementRecord {
  fastRuns: number;
  strikes: number;
  /** Inline runs within the tolerance since the last strike. */
  cleanRuns: number;
}

interface PreparedRead {
  statement: BetterSqlite3.Statement;
  columns: string[];
}

/**
 * Reads that SQLite answers in well under a millisecond (a pole by slug, the regions, a page of
 * rows by key) cost far more in the round trip to a read worker (two process wake-ups and the
 * serialisation of the rows, measured at 1–3 ms of CPU per statement on a loaded 2-core machine)
 * than in SQLite itself. This policy learns, per statement text, which reads are that cheap:
 * a statement runs in the workers until it has answered `PROVEN_RUNS` times in a row within
 * `limitMs` there; from then on it runs here, on the main thread, on an in-process read-only
 * connection; the second inline run over ten times the limit within a hundred inline runs
 * sends it back to the workers for good (a lone slow run is forgotten: preemption, GC). The freeze an inline read can cause is thus bounded by what it was measured at, except
 * for the two runs that prove it slow. A statement's text includes its placeholders (an `IN` list of 5
 * keys is not one of 500), not the values, so a text whose cost depends on its values can be
 * fast three times and slow later: two such runs close together on the main thread, and never
 * again.
 */
export class SqliteInlineReads {
  private readonly records = new Map<string, StatementRecord>();
  /** Prepared statements, reading rows as arrays, with their column names (see rowObjects). */
  private readonly prepared = new Map<string, PreparedRead>();
  private connection: BetterSqlite3.Database | undefined;
  private dataVersionStatement: BetterSqlite3.Statement | undefined;

  /**
   * @param now the clock inline runs are timed by (wall time; a test gives its own, since a
   * loaded machine preempts a 0.01 ms read for 10 ms now and then: the very case forgiven here).
   */
  constructor(
    private readonly path: string,
    private readonly limitMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether this statement has proven fast enough to run here. */
  accepts(sql: string): boolean {
    if (this.limitMs <= 0) return false;
    const record = this.records.get(sql);
    return record !== undefined && record.strikes < STRIKES && record.fastRuns >= PROVEN_RUNS;
  }

  /** What a worker measured: a fast answer counts towards running inline, a slow one resets. */
  observe(sql: string, ms: number): void {
    if (this.limitMs <= 0) return;
    let record = this.records.get(sql);
    if (!record) {
      if (this.records.size >= MAX_RECORDS) this.records.clear();
      record = { fastRuns: 0, strikes: 0, cleanRuns: 0 };
      this.records.set(sql, record);
    }
    record.fastRuns = ms <= this.limitMs ? record.fastRuns + 1 : 0;
  }

  /** Runs a statement that `accepts` on the main thread. */
  read(sql: string, params: readonly unknown[]): Record<string, unknown>[] {
    const { statement, columns } = this.statement(sql);
    const bound = params.map((value) => (typeof value === 'boolean' ? Number(value) : value));
    // Wall time, which is what the event loop waited (process.cpuUsage() is a system call,
    // dearer than the reads it would time). A run ten times over the limit is a strike: once
    // may be the machine preempting us, twice and the statement goes back to the workers.
    const started = this.now();
    const rows = rowObjects(columns, statement.all(...bound) as unknown[][]);
    const record = this.records.get(sql);
    if (record) {
      if (this.now() - started > this.limitMs * INLINE_TOLERANCE) {
        record.strikes += 1;
        record.cleanRuns = 0;
      } else if (record.strikes > 0 && ++record.cleanRuns >= FORGIVE_AFTER_RUNS) {
        record.strikes = 0;
        record.cleanRuns = 0;
      }
    }
    return rows;
  }

  /**
   * SQLite's `PRAGMA data_version` on this connection, which never writes: it changes whenever
   * any other connection (this process's writer, another process) has committed.
   */
  dataVersion(): number {
    this.dataVersionStatement ??= this.open().prepare('PRAGMA data_version').pluck(true);
    return this.dataVersionStatement.get() as number;
  }

  close(): void {
    this.dataVersionStatement = undefined;
    this.prepared.clear();
    this.connection?.close();
    this.connection = undefined;
  }

  private statement(sql: string): PreparedRead {
    let prepared = this.prepared.get(sql);
    if (!prepared) {
      // Only statements the workers answered with rows come here (`accepts`): raw() takes them.
      const statement = this.open().prepare(sql).raw(true);
      prepared = { statement, columns: statement.columns().map((column) => column.name) };
      if (this.prepared.size >= MAX_PREPARED) this.prepared.clear();
      this.prepared.set(sql, prepared);
    }
    return prepared;
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
