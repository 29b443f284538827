import type { EntityManager } from 'typeorm';

export interface ReadOptions {
  /**
   * Time budget of this read in milliseconds, instead of `MAX_STATEMENT_MS`; 0 for none. Over
   * it the read is abandoned with `QUERY_TIMEOUT`.
   */
  budgetMs?: number;
}

/**
 * The data-access port: every raw read and every write of the application goes through it.
 *
 * - `read` runs one SELECT on a read runner of the implementation's choosing (a SQLite worker
 *   thread, a MySQL/MariaDB replica, or the primary once the current request has written),
 *   within a time budget.
 * - `transaction` runs `work` in one transaction on the primary: all or nothing.
 *
 * Failures that are conditions of the service, not bugs, come out as domain errors:
 * `QUERY_TIMEOUT` (a read overran its budget) and `SERVICE_UNAVAILABLE` (the database is
 * unreachable, stalled, or out of connections).
 */
export interface Database {
  readonly kind: 'sqlite' | 'mysql';
  read<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: ReadOptions,
  ): Promise<Row[]>;
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** Closes what the port opened of its own (workers, writer, replicas); not the data source. */
  close(): Promise<void>;
}
