import type { EntityManager } from 'typeorm';

export interface ReadOptions {
  /**
   * Time budget of this read in milliseconds, instead of `MAX_STATEMENT_MS`; 0 for none. Over
   * it the read is abandoned with `QUERY_TIMEOUT`.
   */
  budgetMs?: number;
  /**
   * Read the primary even where replicas serve reads: what is read will be kept and served to
   * every request (reference-tables.ts), so it must not come from a replica that lags a write.
   */
  primary?: boolean;
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
  /** Calls `listener` after each transaction of this port commits. */
  onCommit(listener: () => void): void;
  /**
   * A number that changes whenever another connection may have committed since it was last
   * asked (SQLite: `PRAGMA data_version`); null where the database cannot tell cheaply
   * (MySQL/MariaDB, SQLite in memory).
   */
  dataVersion(): number | null;
  /** Closes what the port opened of its own (workers, writer, replicas); not the data source. */
  close(): Promise<void>;
}

/** The port's after-commit listeners; one failing does not keep the commit from the others. */
export class CommitListeners {
  private readonly listeners: (() => void)[] = [];

  listen(listener: () => void): void {
    this.listeners.push(listener);
  }

  committed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        console.warn(`[database] an after-commit listener failed: ${String(error)}`);
      }
    }
  }
}
