import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import type { Database as BetterSqlite3Database } from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { DataSource, type DataSourceOptions as TypeOrmOptions, type ObjectLiteral } from 'typeorm';

import {
  type DatabaseConfig,
  type DatabaseLimits,
  DEFAULT_DATABASE_LIMITS,
} from '../config/config';
import { rethrowClassified } from './database-errors';
import { MIGRATIONS } from './migrations';
import { guardMysqlPool } from './mysql-pool';
import { refreshPlannerStatistics } from './planner-statistics';
import { foldText } from './query/sql-dialect';
import { declareSortIndexes, synchronizeSqliteSchema } from './sort-indexes';
import { SqlStatementLog } from './sql-statement-log';

/**
 * DataLoader batches stay under this many keys: below SQLite's 32,766 and MySQL's 65,535
 * parameters, and above the largest level a request can reach (100 × 100 nested rows), so
 * one relation level is always one statement.
 */
export const MAX_BATCH_SIZE = 30000;

export interface DataSourceOptions {
  /** Every entity of the application (features.ts). */
  entities: NonNullable<TypeOrmOptions['entities']>;
  /** Print every SQL statement (LOG_LEVEL=debug). */
  printStatements?: boolean;
  /**
   * Statement budget, timeouts and replicas (config `databaseLimits`). Given (the server), they
   * also bound TypeORM's own statements on MySQL/MariaDB (writes); left out (command-line tools,
   * tests), the defaults bound reads through the port only, so long seeds and migrations run.
   */
  limits?: DatabaseLimits;
}

const limitsByDataSource = new WeakMap<DataSource, DatabaseLimits>();

/** The limits `openDataSource` was given, or the defaults. */
export function databaseLimitsOf(dataSource: DataSource): DatabaseLimits {
  return limitsByDataSource.get(dataSource) ?? DEFAULT_DATABASE_LIMITS;
}

/** A client-side margin above the statement budget: past it the server is taken for stalled. */
export const STALL_GRACE_MS = 1000;

/**
 * Opens (initialises) the data source. The embedded SQLite database is built from the entities
 * (`synchronizeSqliteSchema`); MySQL and MariaDB only ever change through the committed migrations, run by
 * `npm run migrate`.
 */
export async function openDataSource(
  database: DatabaseConfig,
  options: DataSourceOptions,
): Promise<DataSource> {
  const limits = options.limits ?? DEFAULT_DATABASE_LIMITS;
  let type: 'mysql' | 'mariadb' | undefined;
  try {
    type = database.kind === 'mysql' ? await detectServerType(database, limits) : undefined;
  } catch (error) {
    rethrowClassified(error);
  }
  const dataSource = createDataSource(database, { ...options, type });
  limitsByDataSource.set(dataSource, limits);
  try {
    await dataSource.initialize();
    if (database.kind === 'mysql') guardMysqlPool(dataSource);
    if (database.kind === 'sqlite') {
      adaptSqliteDriver(dataSource);
      await synchronizeSqliteSchema(dataSource);
      await refreshPlannerStatistics(dataSource, 'as needed');
    }
    return dataSource;
  } catch (error) {
    rethrowClassified(error);
  }
}

/**
 * TypeORM reads MariaDB's catalogue differently from MySQL's (MariaDB reports a nullable
 * column's default as the string 'NULL'), so it must know which server it talks to. The URL
 * scheme is only the user's label: the server's own `VERSION()` decides.
 */
export async function detectServerType(
  database: Extract<DatabaseConfig, { kind: 'mysql' }>,
  limits: DatabaseLimits = DEFAULT_DATABASE_LIMITS,
): Promise<'mysql' | 'mariadb'> {
  const connection = await createConnection({
    host: database.host,
    port: database.port,
    user: database.username,
    password: database.password,
    connectTimeout: limits.connectTimeoutMs,
  });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = String((rows as { version: string }[])[0]?.version ?? '');
    return version.toLowerCase().includes('mariadb') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** Builds the data source without connecting; `openDataSource` is what the app uses. */
export function createDataSource(
  database: DatabaseConfig,
  options: DataSourceOptions & {
    type?: 'mysql' | 'mariadb';
    /** Share another data source's statement log (read replicas count with their primary). */
    logger?: SqlStatementLog;
  },
): DataSource {
  const logger = options.logger ?? new SqlStatementLog(options.printStatements ?? false);
  const limits = options.limits ?? DEFAULT_DATABASE_LIMITS;
  declareSortIndexes(Object.values(options.entities));
  if (database.kind === 'sqlite') {
    if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
    return new DataSource({
      type: 'better-sqlite3',
      database: database.path,
      entities: options.entities,
      // openDataSource synchronizes, with the sort indexes TypeORM cannot declare.
      synchronize: false,
      logger,
      // WAL lets readers go on while the seed or a mutation writes.
      prepareDatabase: (db: BetterSqlite3Database) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        // Another process writing the same file (a command-line import, a second test worker)
        // makes a writer wait its turn instead of failing at once with "database is locked".
        db.pragma('busy_timeout = 5000');
        // Case- and accent-insensitive search, as utf8mb4_unicode_ci gives MySQL.
        // Same function as the read workers' (sqlite-read-pool.ts).
        db.function('fold', { deterministic: true }, foldText);
      },
    });
  }
  return new DataSource({
    type: options.type ?? database.flavour,
    host: database.host,
    port: database.port,
    username: database.username,
    password: database.password,
    database: database.database,
    charset: 'utf8mb4_unicode_ci',
    // Instants are stored in UTC whatever the server's time zone.
    timezone: 'Z',
    // DECIMAL and BIGINT come back as strings: money never goes through a float.
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: ['DATE'],
    entities: options.entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migration',
    synchronize: false,
    logger,
    connectTimeout: limits.connectTimeoutMs,
    // The server's own statements (writes) get a client-side timeout too, so a stalled
    // database fails them instead of hanging; reads have theirs in the port.
    ...(options.limits && limits.maxStatementMs > 0
      ? { enableQueryTimeout: true, maxQueryExecutionTime: limits.maxStatementMs + STALL_GRACE_MS }
      : {}),
  });
}

/** The statement log of a data source made by `createDataSource`. */
export function sqlStatementLog(dataSource: DataSource): SqlStatementLog {
  const logger = dataSource.logger;
  if (!(logger instanceof SqlStatementLog))
    throw new Error('This data source was not made by createDataSource');
  return logger;
}

/**
 * What TypeORM's SQLite driver does that we change, for every SQLite data source: the main
 * connection (schema, seed) and the API's writer (sqlite-database.ts).
 */
export function adaptSqliteDriver(dataSource: DataSource): void {
  beginTransactionsImmediately(dataSource);
  bindNumbersAsParameters(dataSource);
}

/**
 * Makes a SQLite data source's transactions take the write lock when they begin (`BEGIN
 * IMMEDIATE`). TypeORM begins them deferred: a transaction that reads, then writes, holds a
 * snapshot whose upgrade SQLite refuses at once with SQLITE_BUSY ("database is locked", no busy
 * wait) if another connection to the file (a command-line token or import, another process)
 * committed in between. Immediate, it waits its turn (busy_timeout) instead. TypeORM has no
 * option for it; its SQLite driver keeps one query runner per data source, whose BEGIN this
 * rewrites.
 */
function beginTransactionsImmediately(dataSource: DataSource): void {
  const runner = dataSource.createQueryRunner();
  const query = runner.query.bind(runner);
  runner.query = ((sql: string, ...rest: unknown[]) =>
    query(
      sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql,
      ...(rest as []),
    )) as typeof runner.query;
  if (dataSource.createQueryRunner() !== runner) {
    throw new Error('TypeORM no longer shares one query runner per SQLite data source');
  }
}

/** A number parameter hidden from TypeORM's SQLite driver, which would write it into the SQL. */
class BoundNumber {
  constructor(readonly value: number) {}

  /**
   * As SQLite would read the literal: an integer as an INTEGER (better-sqlite3 binds a JS number
   * as a REAL).
   */
  get bound(): number | bigint {
    return Number.isSafeInteger(this.value) ? BigInt(this.value) : this.value;
  }
}

/**
 * TypeORM's SQLite driver writes number parameters into the statement's text (`WHERE "id" =
 * 7108 AND "version" = 1`, `VALUES (…, 6693, ?, …)`): each write of another record was a
 * statement SQLite had never seen, parsed and planned anew, and the prepared statement TypeORM
 * caches (a hundred per connection, first in first out) pushed out a useful one; its native
 * memory waited for V8 to collect the JavaScript handle (the server's heap outside V8 grew by
 * 40 MB over 2,900 status changes; the webhook worker's poll, which names the time, was a new
 * statement every second). Bound as parameters, a write's statements are the same text
 * every time. Integers bind as SQLite integers, like the literals they replace (a JS number
 * would bind as REAL, and a TEXT column would store `5.0`).
 */
function bindNumbersAsParameters(dataSource: DataSource): void {
  const driver = dataSource.driver;
  const escape = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql: string, parameters: ObjectLiteral) => {
    const hidden: ObjectLiteral = {};
    for (const [key, value] of Object.entries(parameters ?? {})) {
      hidden[key] =
        typeof value === 'number' && Number.isFinite(value) ? new BoundNumber(value) : value;
    }
    const [text, values] = escape(sql, hidden);
    return [text, values.map((value) => (value instanceof BoundNumber ? value.bound : value))];
  };
}
