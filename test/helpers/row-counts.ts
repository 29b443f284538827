import type { DataSource } from 'typeorm';

/**
 * How many rows each table holds: taken before and after a refused write, equal counts prove
 * that nothing was written.
 */
export async function rowCounts(
  dataSource: DataSource,
  tables: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\``)) as {
      n: number | string;
    }[];
    counts[table] = Number(row.n);
  }
  return counts;
}
