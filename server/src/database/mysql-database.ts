import type { DataSource, EntityManager } from 'typeorm';

import type { DatabaseConfig, DatabaseLimits } from '../config/config';
import { createDataSource, sqlStatementLog, STALL_GRACE_MS } from './data-source';
import { classifyDatabaseError, rethrowClassified, serviceUnavailable } from './database-errors';
import { CommitListeners, type Database, type ReadOptions } from './database-port';
import { noteWrite, sessionHasWritten } from './database-session';
import { deadline } from './deadline';
import { guardMysqlPool, type MysqlPool, mysqlPoolOf, type PooledConnection } from './mysql-pool';

/** A read runner: the primary or one replica, each a TypeORM data source with its own pool. */
interface Runner {
  dataSource: DataSource;
  /** Opened on first use (replicas); the primary is open already. */
  ready: Promise<DataSource> | undefined;
}

/**
 * MySQL/MariaDB behind the port.
 *
 * Reads go to the replicas (round robin) when `DATABASE_REPLICA_URLS` lists any, except once the
 * current request has written (read-your-writes, database-session.ts); otherwise to the primary.
 * TypeORM's `query()` always uses the primary, so reads take a connection from the chosen
 * runner's pool themselves, which also lets them bound the wait for it (acquire timeout).
 *
 * Each read carries its statement budget to the server: MariaDB runs it under
 * `SET STATEMENT max_statement_time=<s> FOR …` (any statement), MySQL 8 under the optimizer hint
 * `/*+ MAX_EXECUTION_TIME(ms) *\/` (SELECT only). The server stops it and answers an error that
 * becomes `QUERY_TIMEOUT`. If the server does not answer at all within the budget and a grace
 * second, the connection is dropped and the read fails with `SERVICE_UNAVAILABLE` (a stalled
 * database), as do refused, reset and timed-out connections.
 */
export class MysqlDatabase implements Database {
  readonly kind = 'mysql';
  private readonly replicas: Runner[];
  private next = 0;
  private readonly commits = new CommitListeners();

  constructor(
    private readonly primary: DataSource,
    private readonly limits: DatabaseLimits,
  ) {
    this.replicas = limits.replicas.map((replica) => ({
      dataSource: this.replicaDataSource(replica),
      ready: undefined,
    }));
  }

  async read<Row extends object>(
    sql: string,
    params: readonly unknown[] = [],
    options: ReadOptions = {},
  ): Promise<Row[]> {
    const budgetMs = options.budgetMs ?? this.limits.maxStatementMs;
    const dataSource = await this.readRunner(options.primary === true);
    // Counted and printed as written (statement-count tests match on the text).
    sqlStatementLog(this.primary).logQuery(sql, [...params]);
    const pool = mysqlPoolOf(dataSource);
    if (!pool) throw serviceUnavailable('the connection pool is closed');
    const connection = await this.acquire(pool);
    try {
      return await new Promise<Row[]>((resolve, reject) => {
        // The server stops the statement at its budget; past a grace second more it is taken
        // for stalled (our deadline, not mysql2's timeout, which fired before an answer that
        // came in time was read when the main thread had been busy).
        const cancel =
          budgetMs > 0
            ? deadline(budgetMs + STALL_GRACE_MS, () =>
                reject(serviceUnavailable('PROTOCOL_SEQUENCE_TIMEOUT')),
              )
            : () => undefined;
        connection.query(
          { sql: this.withBudget(dataSource, sql, budgetMs), values: [...params] },
          (error, rows) => {
            cancel();
            if (error) reject(error);
            else resolve(rows as Row[]);
          },
        );
      });
    } catch (error) {
      sqlStatementLog(this.primary).logQueryError(error as Error, sql, [...params]);
      rethrowClassified(error, budgetMs);
    } finally {
      // Back to the pool, or destroyed if the statement is still running on it (mysql-pool.ts).
      connection.release();
    }
  }

  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    // From now on this request reads the primary, which has its write.
    noteWrite();
    try {
      const result = await this.primary.transaction(work);
      this.commits.committed();
      return result;
    } catch (error) {
      rethrowClassified(error, this.limits.maxStatementMs);
    }
  }

  onCommit(listener: () => void): void {
    this.commits.listen(listener);
  }

  dataVersion(): null {
    return null;
  }

  async close(): Promise<void> {
    for (const replica of this.replicas) {
      const dataSource = await replica.ready?.catch(() => undefined);
      if (dataSource?.isInitialized) await dataSource.destroy();
    }
  }

  /** The primary when asked, after a write or without replicas; otherwise the next replica. */
  private async readRunner(primary: boolean): Promise<DataSource> {
    if (primary || this.replicas.length === 0 || sessionHasWritten()) return this.primary;
    const replica = this.replicas[this.next++ % this.replicas.length];
    replica.ready ??= replica.dataSource.initialize().then((dataSource) => {
      guardMysqlPool(dataSource);
      return dataSource;
    });
    try {
      return await replica.ready;
    } catch (error) {
      // Try again on the next read rather than keep a failed start forever.
      replica.ready = undefined;
      return rethrowClassified(error);
    }
  }

  /** A pooled connection, or SERVICE_UNAVAILABLE once the acquire timeout has passed. */
  private acquire(pool: MysqlPool): Promise<PooledConnection> {
    return new Promise((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        reject(serviceUnavailable('no database connection became free in time'));
      }, this.limits.acquireTimeoutMs);
      pool.getConnection((error, connection) => {
        clearTimeout(timer);
        if (timedOut) {
          // Too late for this read: give the connection back to the pool.
          if (!error) connection.release();
          return;
        }
        if (error) reject(classifyDatabaseError(error) ?? error);
        else resolve(connection);
      });
    });
  }

  private withBudget(dataSource: DataSource, sql: string, budgetMs: number): string {
    if (budgetMs <= 0) return sql;
    if (dataSource.options.type === 'mariadb') {
      // Seconds, to the microsecond.
      return `SET STATEMENT max_statement_time=${(budgetMs / 1000).toFixed(3)} FOR ${sql}`;
    }
    // MySQL: the hint follows the first SELECT; other statements keep the client-side timeout.
    return sql.replace(/^\s*SELECT\b/i, `SELECT /*+ MAX_EXECUTION_TIME(${budgetMs}) */`);
  }

  private replicaDataSource(replica: DatabaseConfig): DataSource {
    const primaryOptions = this.primary.options as { type: 'mysql' | 'mariadb' };
    return createDataSource(replica, {
      // Replicas answer raw reads only: no entity metadata needed.
      entities: [],
      // A replica runs the primary's server software.
      type: primaryOptions.type,
      limits: this.limits,
      logger: sqlStatementLog(this.primary),
    });
  }
}
