import type { DataSource } from 'typeorm';

import { databaseLimitsOf } from './data-source';
import type { Database, ReadOptions } from './database-port';
import { MysqlDatabase } from './mysql-database';
import { hydrate } from './query/hydrate';
import { type RowShape, WHOLE_ROWS } from './query/row-shape';
import { SqliteDatabase } from './sqlite-database';

export type { Database, ReadOptions } from './database-port';
export { runInDatabaseSession } from './database-session';

const ports = new WeakMap<DataSource, Database>();

/**
 * The Database port of an open data source (made on first use with the limits `openDataSource`
 * was given): SQLite reads in worker processes and writes on its writer connection, or
 * MySQL/MariaDB reads on replicas and writes on the primary.
 */
export function databaseOf(dataSource: DataSource): Database {
  let database = ports.get(dataSource);
  if (!database) {
    const limits = databaseLimitsOf(dataSource);
    database =
      dataSource.options.type === 'better-sqlite3'
        ? new SqliteDatabase(dataSource, limits)
        : new MysqlDatabase(dataSource, limits);
    ports.set(dataSource, database);
  }
  return database;
}

/** One raw read through the port: `databaseOf(dataSource).read(…)`. */
export function readRows<Row extends object = Record<string, unknown>>(
  dataSource: DataSource,
  sql: string,
  params: readonly unknown[] = [],
  options?: ReadOptions,
): Promise<Row[]> {
  return databaseOf(dataSource).read<Row>(sql, params, options);
}

/** Closes what the port opened (workers, writer, replicas), then the data source. */
export async function closeDatabase(dataSource: DataSource): Promise<void> {
  const database = ports.get(dataSource);
  ports.delete(dataSource);
  await database?.close();
  if (dataSource.isInitialized) await dataSource.destroy();
}

/**
 * Rows of `entity` read through the port, as entity instances: `SELECT t.* …`, or the columns of
 * `shape` (row-shape.ts) when the statement selects those.
 */
export async function readEntities<T extends object>(
  dataSource: DataSource,
  entity: new () => T,
  sql: string,
  params: readonly unknown[] = [],
  shape: RowShape = WHOLE_ROWS,
  options?: ReadOptions,
): Promise<T[]> {
  return hydrate(dataSource, entity, await readRows(dataSource, sql, params, options), shape);
}
