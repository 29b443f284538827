import type { DataSource, EntityManager } from 'typeorm';

import { closeDatabase, databaseOf } from './database';

/**
 * Every write goes through `inTransaction`: all or nothing, on the primary, through the
 * Database port (database.ts: SQLite serialises transactions on its writer connection;
 * MySQL/MariaDB gives each its own pooled connection, row locks and version checks arbitrate).
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return databaseOf(dataSource).transaction(work);
}

/** Closes the port's own connections and workers, then the data source. */
export const closeDataSource: (dataSource: DataSource) => Promise<void> = closeDatabase;
