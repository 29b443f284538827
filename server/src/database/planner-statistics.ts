import type { DataSource, EntityManager } from 'typeorm';

/**
 * SQLite's query planner chooses between indexes by the statistics `ANALYZE` keeps in
 * `sqlite_stat1`; without them it guesses, and guessed badly as the data grew: the European
 * projects page (50 projects of a programme level, by budget) used the programme index and sorted
 * every matching project, 30 ms at scale 10, instead of walking the budget index, 0.17 ms once
 * the tables were analysed. Connections opened before or after read the new statistics (SQLite
 * prepares their statements again). MySQL and MariaDB recalculate InnoDB's statistics
 * themselves once a tenth of a table has changed, but in the background and some time after:
 * right after a seed (or a copy of a seeded database), the count of projects with a partner in
 * a region ran past its 5 s budget on MariaDB under the test suites' load, and took 0.2 s once
 * analysed. A complete refresh there is `ANALYZE TABLE` on every table (0.15 s).
 *
 * - `complete`: every table analysed afresh, after the tables were filled (a seed): on SQLite
 *   70 ms at scale 1, 0.7 s at scale 10.
 * - `as needed`: SQLite's `PRAGMA optimize` over every table, which analyses the tables never
 *   analysed or much changed since and costs nothing otherwise: at start, after a bulk import.
 *
 * Full statistics, not a sample: with `PRAGMA analysis_limit=400` the programme index was
 * estimated at 401 rows a value instead of 5,000, and the European page kept the wrong plan.
 * The analysis holds the writer while it runs; where other writers may be at work (an import in
 * the running server), give it `manager`, a transaction of its own (`inTransaction`), so that it
 * does not run inside theirs on SQLite's one writer connection.
 */
export async function refreshPlannerStatistics(
  dataSource: DataSource,
  extent: 'complete' | 'as needed',
  manager?: EntityManager,
): Promise<void> {
  const runner = manager ?? dataSource;
  if (dataSource.options.type === 'better-sqlite3') {
    await runner.query(extent === 'complete' ? 'ANALYZE' : 'PRAGMA optimize=0x10002');
  } else if (extent === 'complete') {
    const tables = dataSource.entityMetadatas
      .filter((metadata) => metadata.tableType !== 'view')
      .map((metadata) => dataSource.driver.escape(metadata.tableName));
    await runner.query(`ANALYZE TABLE ${[...new Set(tables)].join(', ')}`);
  }
}
