import type { Logger, QueryRunner } from 'typeorm';

export type SqlStatementListener = (sql: string, parameters: readonly unknown[]) => void;

/**
 * TypeORM's logger, reduced to what we need: it tells listeners about every SQL statement sent
 * (the statement-count tests use it), prints statements when `LOG_LEVEL=debug`, and always
 * reports failures and migrations.
 */
export class SqlStatementLog implements Logger {
  private readonly listeners = new Set<SqlStatementListener>();

  constructor(private readonly printStatements: boolean) {}

  /** Calls `listener` for every statement until the returned function is called. */
  subscribe(listener: SqlStatementListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  logQuery(sql: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    for (const listener of this.listeners) listener(sql, parameters ?? []);
    if (this.printStatements) console.debug(`[sql] ${sql}`, parameters?.length ? parameters : '');
  }

  logQueryError(error: string | Error, sql: string, parameters?: unknown[]): void {
    if (this.printStatements)
      console.warn(`[sql] failed: ${String(error)}\n  ${sql}`, parameters ?? '');
  }

  logQuerySlow(time: number, sql: string): void {
    if (this.printStatements) console.warn(`[sql] slow (${time} ms): ${sql}`);
  }

  logSchemaBuild(message: string): void {
    if (this.printStatements) console.debug(`[schema] ${message}`);
  }

  logMigration(message: string): void {
    console.info(`[migration] ${message}`);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') console.warn(`[typeorm] ${String(message)}`);
    else if (this.printStatements) console.info(`[typeorm] ${String(message)}`);
  }
}
