import type { DataSource, EntityMetadata } from 'typeorm';

/**
 * Turns raw rows (`SELECT t0.* …`) into entity instances through the driver's own conversions
 * and the columns' transformers, as TypeORM's `getMany` does, without its join bookkeeping,
 * which the performance notes show can cost far more than the SQL on big lists.
 */
export function hydrate<T extends object>(
  dataSource: DataSource,
  entity: new () => T,
  rows: readonly Record<string, unknown>[],
): T[] {
  const metadata: EntityMetadata = dataSource.getMetadata(entity);
  const columns = metadata.columns.filter((column) => !column.isVirtual);
  const driver = dataSource.driver;
  return rows.map((row) => {
    const instance = new entity();
    for (const column of columns) {
      if (!(column.databaseName in row)) continue;
      (instance as Record<string, unknown>)[column.propertyName] = driver.prepareHydratedValue(
        row[column.databaseName],
        column,
      );
    }
    return instance;
  });
}
