import type { DataSource, EntityMetadata } from 'typeorm';

import { refreshPlannerStatistics } from '../database/planner-statistics';
import type { InsertProgress } from './bulk-insert';
import { seedReferenceData } from './reference-seed';
import { seedSyntheticData } from './synthetic-seed';

export interface SeedOptions {
  /** Multiplies members, memberships and projects (a whole number ≥ 1). @default 1 */
  scale?: number;
  /** Delete every row of every table first, not refuse a non-empty database. @default false */
  reset?: boolean;
  /** Receives progress lines such as `[seed] member 18000/18000 (2.1 s)`. @default none */
  log?: (line: string) => void;
}

export interface SeedSummary {
  scale: number;
  /** Rows inserted, by table name. */
  counts: Record<string, number>;
  /** Wall-clock time of the whole seed. */
  seconds: number;
}

/**
 * Loads the national dataset: the reference data (regions, ministries, themes, programmes,
 * phases, the real poles and their decisions), then the deterministic synthetic members,
 * memberships, projects, yearly figures and evaluations. Refuses a database that already holds
 * rows unless `reset` is set, because ids are planned as 1..n in insertion order.
 */
export async function seedDatabase(
  dataSource: DataSource,
  options: SeedOptions = {},
): Promise<SeedSummary> {
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) {
    throw new RangeError(`The seed scale must be a whole number ≥ 1, got ${scale}`);
  }
  const log = options.log ?? (() => undefined);
  const started = performance.now();

  const missing = await missingTables(dataSource);
  if (missing.length > 0) {
    throw new Error(
      `${describeMissingTables(dataSource, missing)}: run \`npm run migrate\` first.`,
    );
  }
  if (options.reset) {
    await deleteAllRows(dataSource);
    log(`[seed] deleted every row (${elapsed(started)} s)`);
  } else if (!(await isDatabaseEmpty(dataSource))) {
    const poles = await countRows(dataSource, 'pole');
    throw new Error(
      `The database already holds data (${poles} pole(s)): seed only an empty database, or ` +
        'pass --reset (reset: true) to delete every row first.',
    );
  }

  const progress: InsertProgress = (table, done, total, seconds) =>
    log(`[seed] ${table} ${done}/${total} (${seconds.toFixed(1)} s)`);
  const reference = await seedReferenceData(dataSource, progress);
  const synthetic = await seedSyntheticData(dataSource, reference.ids, { scale, progress, log });

  await refreshPlannerStatistics(dataSource, 'complete');
  log(`[seed] planner statistics refreshed (${elapsed(started)} s)`);

  const counts: Record<string, number> = {};
  for (const table of allTables(dataSource)) {
    counts[table] = (reference.counts[table] ?? 0) + (synthetic[table] ?? 0);
  }
  const seconds = Number(elapsed(started));
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  log(`[seed] done: ${total} rows in ${seconds.toFixed(1)} s`);
  return { scale, counts, seconds };
}

/** True when no table of the schema holds a row (a new database, or one just reset). */
export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  for (const table of allTables(dataSource)) {
    const rows = (await dataSource.query(
      `SELECT 1 AS found FROM ${dataSource.driver.escape(table)} LIMIT 1`,
    )) as unknown[];
    if (rows.length > 0) return false;
  }
  return true;
}

/**
 * Deletes every row of every table, children before parents, and sets the id counters back
 * to 1 so that a new seed gets the same ids as on a new database.
 */
export async function deleteAllRows(dataSource: DataSource): Promise<void> {
  const tables = tablesChildrenFirst(dataSource.entityMetadatas);
  await dataSource.transaction(async (manager) => {
    for (const table of tables)
      await manager.query(`DELETE FROM ${dataSource.driver.escape(table)}`);
    if (dataSource.options.type === 'better-sqlite3') {
      const sequence = (await manager.query(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'`,
      )) as unknown[];
      if (sequence.length > 0) await manager.query('DELETE FROM sqlite_sequence');
    }
  });
  if (dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb') {
    // DDL commits on its own in MySQL, so this stays out of the transaction.
    for (const metadata of dataSource.entityMetadatas) {
      if (metadata.generatedColumns.length === 0) continue;
      await dataSource.query(
        `ALTER TABLE ${dataSource.driver.escape(metadata.tableName)} AUTO_INCREMENT = 1`,
      );
    }
  }
}

/** Tables of the schema (entities and join tables) the database lacks. */
export async function missingTables(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const missing: string[] = [];
    for (const table of allTables(dataSource)) {
      if (!(await runner.hasTable(table))) missing.push(table);
    }
    return missing;
  } finally {
    await runner.release();
  }
}

/** "The database has no PoleGraph table" or "… has no table a, b", for error messages. */
export function describeMissingTables(dataSource: DataSource, missing: readonly string[]): string {
  return missing.length === allTables(dataSource).length
    ? 'The database has none of the PoleGraph tables'
    : `The database has no table ${missing.join(', ')}`;
}

/** Every table the entities map to, join tables included, sorted by name. */
function allTables(dataSource: DataSource): string[] {
  return [...new Set(dataSource.entityMetadatas.map((metadata) => metadata.tableName))].sort();
}

async function countRows(dataSource: DataSource, table: string): Promise<number> {
  const rows = (await dataSource.query(
    `SELECT COUNT(*) AS n FROM ${dataSource.driver.escape(table)}`,
  )) as { n: number | string }[];
  return Number(rows[0]?.n ?? 0);
}

/** Table names ordered so that every table comes before the tables its foreign keys reference. */
function tablesChildrenFirst(metadatas: readonly EntityMetadata[]): string[] {
  const referenced = new Map<string, Set<string>>();
  for (const metadata of metadatas) {
    const parents = referenced.get(metadata.tableName) ?? new Set<string>();
    for (const foreignKey of metadata.foreignKeys) {
      if (foreignKey.referencedEntityMetadata.tableName !== metadata.tableName) {
        parents.add(foreignKey.referencedEntityMetadata.tableName);
      }
    }
    referenced.set(metadata.tableName, parents);
  }
  const ordered: string[] = [];
  const remaining = new Set([...referenced.keys()].sort());
  while (remaining.size > 0) {
    // A table can go once no remaining table references it.
    const next = [...remaining].find(
      (table) => ![...remaining].some((other) => referenced.get(other)?.has(table)),
    );
    const table = next ?? [...remaining][0];
    if (table === undefined) break;
    ordered.push(table);
    remaining.delete(table);
  }
  return ordered;
}

function elapsed(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
