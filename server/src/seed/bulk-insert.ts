import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

/**
 * Rows per INSERT. 500 rows of at most ~16 columns stay far below SQLite's 32,766 parameters
 * and MySQL's 65,535 placeholders and default packet size, and already amortise the round trip.
 */
export const INSERT_CHUNK_SIZE = 500;

/** Slow tables report their progress this often. */
const PROGRESS_INTERVAL_MS = 3_000;

/**
 * A row of an entity as the seed builds it: every column (relations are optional and left out),
 * but not the generated key nor the computed Relay `globalId`.
 */
export type SeedRow<T> = Omit<T, 'id' | 'globalId'>;

/** Reports progress of one table: rows done so far, rows to do, seconds since the table began. */
export type InsertProgress = (table: string, done: number, total: number, seconds: number) => void;

export interface InsertOptions {
  progress?: InsertProgress;
  /**
   * The id the database must give the first row, for tables whose ids the seed has planned
   * (children refer to them before they exist). Checked before and after inserting.
   */
  firstPlannedId?: number;
}

/**
 * Inserts plain rows with multi-row INSERTs through TypeORM's query builder, without creating
 * entity instances and without reading generated values back (`updateEntity(false)`), which is
 * what keeps a national-scale seed fast. Returns the number of rows inserted.
 */
export async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  options: InsertOptions = {},
): Promise<number> {
  const metadata = manager.connection.getMetadata(target);
  const table = metadata.tableName;
  const started = performance.now();
  if (options.firstPlannedId !== undefined) {
    await assertPlannedIds(manager, table, options.firstPlannedId - 1, 'before inserting');
  }
  // A line when the table is done, and every few seconds on the way for slow tables.
  let lastReport = started;
  for (let offset = 0; offset < rows.length; offset += INSERT_CHUNK_SIZE) {
    const chunk = rows.slice(offset, offset + INSERT_CHUNK_SIZE) as QueryDeepPartialEntity<T>[];
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(chunk)
      .updateEntity(false)
      .execute();
    const done = offset + chunk.length;
    const now = performance.now();
    if (done < rows.length && now - lastReport >= PROGRESS_INTERVAL_MS) {
      options.progress?.(table, done, rows.length, (now - started) / 1000);
      lastReport = now;
    }
  }
  if (options.firstPlannedId !== undefined) {
    await assertPlannedIds(
      manager,
      table,
      options.firstPlannedId - 1 + rows.length,
      'after inserting',
    );
  }
  options.progress?.(table, rows.length, rows.length, (performance.now() - started) / 1000);
  return rows.length;
}

/**
 * The seed computes foreign keys as 1..n in insertion order, which holds only if the table's
 * ids are exactly 1..`lastId`. An auto-increment counter left high by deleted rows breaks that:
 * stop then rather than write rows pointing at the wrong parents.
 */
async function assertPlannedIds(
  manager: EntityManager,
  table: string,
  lastId: number,
  when: string,
): Promise<void> {
  const escaped = manager.connection.driver.escape(table);
  const rows = (await manager.query(
    `SELECT COUNT(*) AS n, MIN(id) AS first, MAX(id) AS last FROM ${escaped}`,
  )) as { n: number | string; first: number | string | null; last: number | string | null }[];
  const { n, first, last } = rows[0] ?? { n: 0, first: null, last: null };
  const count = Number(n);
  const consistent =
    count === lastId && (count === 0 || (Number(first) === 1 && Number(last) === lastId));
  if (!consistent) {
    throw new Error(
      `Seed ${when} "${table}": expected ids 1..${lastId}, found ${count} row(s) with ids ` +
        `${first ?? '-'}..${last ?? '-'}. The table must be empty with its auto-increment ` +
        'counter at 1 (seed with reset: true, or into a new database).',
    );
  }
}
