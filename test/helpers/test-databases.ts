import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Connection, createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';

import { type DatabaseConfig, parseDatabaseUrl } from '../../server/src/config/config';
import { openDataSource } from '../../server/src/database/data-source';
import { refreshPlannerStatistics } from '../../server/src/database/planner-statistics';
import { closeDataSource } from '../../server/src/database/transactions';
import { ENTITIES } from '../../server/src/features';

export type TestDatabaseKind = 'sqlite' | 'mysql';

export interface TestDatabase {
  kind: TestDatabaseKind;
  config: DatabaseConfig;
  dataSource: DataSource;
  /** Closes the connection and deletes the database (file or schema). */
  drop(): Promise<void>;
}

/** The databases every suite runs on: SQLite always, MySQL/MariaDB when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

/** TEST_DATABASE_URL, read; the database it names is only the prefix of the ones tests create. */
export function mysqlServerConfig(): Extract<DatabaseConfig, { kind: 'mysql' }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const problems: string[] = [];
  const config = parseDatabaseUrl(url, problems, 'TEST_DATABASE_URL');
  if (!config || config.kind !== 'mysql') {
    throw new Error(
      `TEST_DATABASE_URL must be a mysql:// or mariadb:// URL: ${problems.join('; ')}`,
    );
  }
  return config;
}

/** The `DATABASE_URL` of a test database, for the processes a test starts. */
export function databaseUrlOf(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `sqlite:${config.path}`;
  const credentials =
    encodeURIComponent(config.username) +
    (config.password ? `:${encodeURIComponent(config.password)}` : '');
  return `mysql://${credentials}@${config.host}:${config.port}/${config.database}`;
}

/** Runs `statements` in order on one connection to the MySQL server `config` names. */
async function onMysqlServer(
  config: DatabaseConfig,
  ...statements: (string | ((connection: Connection) => Promise<void>))[]
): Promise<void> {
  if (config.kind !== 'mysql') return;
  const connection = await createConnection({
    host: config.host,
    port: config.port,
    user: config.username,
    password: config.password,
  });
  try {
    for (const statement of statements) {
      if (typeof statement === 'string') await connection.query(statement);
      else await statement(connection);
    }
  } finally {
    await connection.end();
  }
}

/** A database of its own for one suite: a temp SQLite file, or a new MySQL schema. */
export function freshDatabaseConfig(kind: TestDatabaseKind, label = 'suite'): DatabaseConfig {
  const suffix = randomBytes(4).toString('hex');
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'polegraph-test-'));
    return { kind: 'sqlite', path: join(dir, `${label}.sqlite`) };
  }
  const server = mysqlServerConfig();
  return { ...server, database: `${server.database}_${label}_${suffix}`.slice(0, 64) };
}

/**
 * Opens the database `config` names, creating it with its schema when `create` is set: MySQL
 * through the committed migrations (as production does), SQLite from the entities.
 */
export async function openTestDatabase(
  kind: TestDatabaseKind,
  config: DatabaseConfig,
  { create }: { create: boolean },
): Promise<TestDatabase> {
  if (create) {
    await onMysqlServer(
      config,
      `CREATE DATABASE \`${(config as { database: string }).database}\` ` +
        'CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    );
  }
  const dataSource = await openDataSource(config, { entities: ENTITIES });
  if (create && kind === 'mysql') await dataSource.runMigrations({ transaction: 'all' });
  return {
    kind,
    config,
    dataSource,
    async drop() {
      await closeDataSource(dataSource);
      await dropDatabase(config);
    },
  };
}

/** Deletes the database `config` names. */
export async function dropDatabase(config: DatabaseConfig): Promise<void> {
  if (config.kind === 'sqlite') {
    rmSync(join(config.path, '..'), { recursive: true, force: true });
  } else {
    await onMysqlServer(config, `DROP DATABASE IF EXISTS \`${config.database}\``);
  }
}

/** An empty database with the current schema, for suites that write. */
export function createEmptyDatabase(kind: TestDatabaseKind, label?: string): Promise<TestDatabase> {
  return openTestDatabase(kind, freshDatabaseConfig(kind, label), { create: true });
}

/** The database with the national dataset that suites which only read share (they issue their tokens in it). */
export const SEEDED_DATABASE_ENV: Record<TestDatabaseKind, string> = {
  sqlite: 'POLEGRAPH_TEST_SEEDED_SQLITE',
  mysql: 'POLEGRAPH_TEST_SEEDED_MYSQL',
};

/**
 * Where global setup put the national dataset: `SEEDED_DATABASE_ENV` names the database the
 * suites that only read share (they issue tokens in it), `SEED_TEMPLATE_ENV` the untouched
 * template of the suites' own copies (nothing opens it after global setup).
 */
export const SEED_TEMPLATE_ENV: Record<TestDatabaseKind, string> = {
  sqlite: 'POLEGRAPH_TEST_SEED_TEMPLATE_SQLITE',
  mysql: 'POLEGRAPH_TEST_SEED_TEMPLATE_MYSQL',
};

function configFromEnvironment(variable: string): DatabaseConfig {
  const serialized = process.env[variable];
  if (!serialized) throw new Error(`Global setup did not set ${variable}`);
  return JSON.parse(serialized) as DatabaseConfig;
}

/**
 * A database of the suite's own holding the national dataset, for suites that write: a copy of
 * the template global setup seeded (seeding again took 20 to 80 s per suite and database, the
 * larger part of the end-to-end run). The seed itself is tested by test/seed.test.ts.
 */
export function createSeededDatabase(
  kind: TestDatabaseKind,
  label?: string,
): Promise<TestDatabase> {
  return copyDatabase(configFromEnvironment(SEED_TEMPLATE_ENV[kind]), kind, label);
}

/**
 * A new database holding what `template` holds (closed, and written by no one meanwhile): on
 * SQLite, its file copied; on MySQL/MariaDB, a database built by the committed migrations, then
 * every table's rows copied inside the server.
 */
export async function copyDatabase(
  template: DatabaseConfig,
  kind: TestDatabaseKind,
  label?: string,
): Promise<TestDatabase> {
  const config = freshDatabaseConfig(kind, label);
  if (template.kind === 'sqlite' && config.kind === 'sqlite') {
    // A closed database has every page in its main file; a write-ahead log means it is open.
    if (existsSync(`${template.path}-wal`)) {
      throw new Error(`${template.path} is open (it has a write-ahead log): it cannot be copied`);
    }
    copyFileSync(template.path, config.path);
    return openTestDatabase(kind, config, { create: false });
  }
  const database = await openTestDatabase(kind, config, { create: true });
  if (template.kind === 'mysql' && config.kind === 'mysql') {
    await copyMysqlRows(template.database, config);
    // As after a seed: the copied tables' statistics, not those of the empty tables.
    await refreshPlannerStatistics(database.dataSource, 'complete');
  }
  return database;
}

/** Copies every row of every table of the schema `from` into the same tables of `to`. */
async function copyMysqlRows(
  from: string,
  to: Extract<DatabaseConfig, { kind: 'mysql' }>,
): Promise<void> {
  await onMysqlServer(to, 'SET FOREIGN_KEY_CHECKS = 0', async (connection) => {
    const [columns] = (await connection.query(
      `SELECT c.TABLE_NAME AS tableName, c.COLUMN_NAME AS columnName
         FROM information_schema.COLUMNS c
         JOIN information_schema.TABLES t
           ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
        WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'
          AND c.TABLE_NAME <> 'typeorm_migration' AND c.EXTRA NOT LIKE '%GENERATED%'
        ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`,
      [from],
    )) as unknown as [{ tableName: string; columnName: string }[]];
    const byTable = new Map<string, string[]>();
    for (const { tableName, columnName } of columns) {
      byTable.set(tableName, [...(byTable.get(tableName) ?? []), `\`${columnName}\``]);
    }
    for (const [table, names] of byTable) {
      const list = names.join(', ');
      await connection.query(
        `INSERT INTO \`${to.database}\`.\`${table}\` (${list}) SELECT ${list} FROM \`${from}\`.\`${table}\``,
      );
    }
  });
}

/** Opens the seeded national dataset that global setup made; suites must not write to it. */
export async function openSeededDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  const config = configFromEnvironment(SEEDED_DATABASE_ENV[kind]);
  const dataSource = await openDataSource(config, { entities: ENTITIES });
  return {
    kind,
    config,
    dataSource,
    // The shared database belongs to global teardown: a suite only closes its connection.
    async drop() {
      await closeDataSource(dataSource);
    },
  };
}
