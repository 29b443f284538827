import { DataSource, type EntityManager } from 'typeorm';

import type { DatabaseLimits } from '../config/config';
import { adaptSqliteDriver, sqlStatementLog } from './data-source';
import { CommitListeners, type Database, type ReadOptions } from './database-port';
import { SqliteInlineReads } from './sqlite-inline-reads';
import { SqliteReadPool } from './sqlite-read-pool';

/**
 * SQLite behind the port.
 *
 * Reads: on a file database, a pool of worker processes with read-only connections
 * (sqlite-read-pool.ts) runs them off the main thread within `MAX_STATEMENT_MS`. An in-memory
 * database (`:memory:`) exists only in its own connection, so its reads run in-process on the
 * main connection, without a budget (better-sqlite3 cannot interrupt a statement). Statements
 * the workers answer within `SQLITE_INLINE_READ_MS` run on the main thread once proven
 * (sqlite-inline-reads.ts): their round trip to a worker costs more than they do.
 *
 * Writes: TypeORM shares ONE connection among all callers, so two interleaved transactions would
 * nest as savepoints of each other and readers would see uncommitted rows. Writes therefore run
 * on a second connection to the same file (WAL lets readers keep reading the last committed
 * state), one transaction at a time.
 */
export class SqliteDatabase implements Database {
  readonly kind = 'sqlite';
  private readonly pool: SqliteReadPool | undefined;
  private readonly inline: SqliteInlineReads | undefined;
  private writer: Promise<DataSource> | undefined;
  private readonly commits = new CommitListeners();
  /** Resolves when the previous transaction is over. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: DatabaseLimits,
  ) {
    const path = String(dataSource.options.database);
    const inMemory = path === ':memory:' || path === '';
    this.pool = inMemory ? undefined : new SqliteReadPool(path, limits.sqliteReadWorkers);
    this.inline = inMemory ? undefined : new SqliteInlineReads(path, limits.sqliteInlineReadMs);
  }

  async read<Row extends object>(
    sql: string,
    params: readonly unknown[] = [],
    options: ReadOptions = {},
  ): Promise<Row[]> {
    if (!this.pool) return (await this.dataSource.query(sql, [...params])) as Row[];
    // Statements run in workers are counted like the others (statement-count tests, debug log).
    sqlStatementLog(this.dataSource).logQuery(sql, [...params]);
    if (this.inline?.accepts(sql)) return this.inline.read(sql, params) as Row[];
    const { rows, ms } = await this.pool.read(
      sql,
      params,
      options.budgetMs ?? this.limits.maxStatementMs,
    );
    this.inline?.observe(sql, ms);
    return rows as Row[];
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.writer ??= this.openWriter();
    const writer = this.writer;
    const run = this.queue.then(async () => {
      const result = await (await writer).transaction(work);
      this.commits.committed();
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  onCommit(listener: () => void): void {
    this.commits.listen(listener);
  }

  dataVersion(): number | null {
    return this.inline?.dataVersion() ?? null;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.inline?.close();
    if (this.writer) {
      await this.queue;
      const writer = await this.writer;
      this.writer = undefined;
      if (writer.isInitialized) await writer.destroy();
    }
  }

  private async openWriter(): Promise<DataSource> {
    const writer = new DataSource({
      ...this.dataSource.options,
      // The main connection already built the schema; the writer only writes rows.
      synchronize: false,
      logger: this.dataSource.logger,
    } as typeof this.dataSource.options);
    await writer.initialize();
    // A writer waits for the readers' checkpoints instead of failing with SQLITE_BUSY.
    await writer.query('PRAGMA busy_timeout = 5000');
    adaptSqliteDriver(writer);
    return writer;
  }
}
