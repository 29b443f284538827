import type { DataSource } from 'typeorm';

/**
 * The SQL that would bring the connected database in line with the entities; empty when the
 * migrations and the entities agree.
 */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sqlInMemory.upQueries.map((query) => query.query),
    down: sqlInMemory.downQueries.map((query) => query.query).reverse(),
  };
}
