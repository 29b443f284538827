import type { DataSource } from 'typeorm';

/**
 * SQLite's query planner chooses between indexes by the statistics `ANALYZE` keeps in
 * `sqlite_stat1`; without them it guesses, and guessed badly as the data grew: the European
 * projects page (50 projects of a programme level, by budget) used the programme index and sorted
 * every matching project, 30 ms at scale 10, instead of walking the budget index, 0.17 ms once
 * the tables were analysed. Connections opened before or after read the new statistics (SQLite
 * prepares their statements again). MySQL and MariaDB keep InnoDB's statistics themselves
 * (`innodb_stats_auto_recalc`): nothing to do there.
 *
 * - `complete`: every table analysed afresh, after the tables were filled (a seed): 70 ms at
 *   scale 1, 0.7 s at scale 10.
 * - `as needed`: SQLite's `PRAGMA optimize` over every table, which analyses the tables never
 *   analysed or much changed since and costs nothing otherwise: at start, after a bulk import.
 */
export async function refreshPlannerStatistics(
  dataSource: DataSource,
  extent: 'complete' | 'as needed',
): Promise<void> {
  if (dataSource.options.type !== 'better-sqlite3') return;
  await dataSource.query(extent === 'complete' ? 'ANALYZE' : 'PRAGMA optimize=0x10002');
}
