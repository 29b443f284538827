import { type DataSource, getMetadataArgsStorage } from 'typeorm';

import type { CollectionSpec } from './query/collection-spec';
import { sortKey } from './query/keyset';
import { definedCollections } from './query/relation-graph';
import { SQLITE_DIALECT } from './query/sql-dialect';

/**
 * SQLite sorts texts through `fold()` (keyset.ts, `sortKey`), which no index on the plain column
 * serves; an index on the expression does, `fold` being deterministic. Each text `orderBy` field
 * of a collection gets one, derived here from the collections: nothing lists them by hand.
 * MySQL and MariaDB sort the column itself (their collation folds) and need none.
 */
export interface SqliteSortIndex {
  name: string;
  entity: CollectionSpec['entity'];
  table: string;
  /** The indexed expression, as `sortKey` writes it for the column. */
  expression: string;
}

export function sqliteSortIndexes(collections: Iterable<CollectionSpec>): SqliteSortIndex[] {
  const indexes = new Map<string, SqliteSortIndex>();
  for (const spec of collections) {
    for (const scalarName of new Set(Object.values(spec.orderFields))) {
      const scalar = spec.scalars[scalarName];
      // A computed field (an expression over `$`) has no column to index.
      if (scalar.column.includes('$')) continue;
      const column = `\`${scalar.column}\``;
      const expression = sortKey(scalar, column, SQLITE_DIALECT);
      if (expression === column) continue;
      const name = `IDX_${spec.table}_${scalar.column}_sort`;
      indexes.set(name, { name, entity: spec.entity, table: spec.table, expression });
    }
  }
  return [...indexes.values()];
}

function indexesOf(entities: readonly unknown[]): SqliteSortIndex[] {
  return sqliteSortIndexes(definedCollections()).filter((index) => entities.includes(index.entity));
}

const declared = new Set<string>();

/**
 * Tells TypeORM the sort indexes exist and are not its to manage (`synchronize: false`):
 * otherwise its `synchronize` drops every index of a table that the entities do not declare,
 * and they would be built again at every start.
 */
export function declareSqliteSortIndexes(entities: readonly unknown[]): void {
  for (const index of indexesOf(entities)) {
    if (declared.has(index.name)) continue;
    declared.add(index.name);
    getMetadataArgsStorage().indices.push({
      target: index.entity,
      name: index.name,
      synchronize: false,
    });
  }
}

/**
 * Brings the SQLite schema in line with the entities (TypeORM's `synchronize`), then creates the
 * sort indexes it lacks. TypeORM rebuilds a changed SQLite table with the indexes it read from
 * it, by column name, which an expression index has none of: when a change is pending, the sort
 * indexes are dropped first and built again after it.
 */
export async function synchronizeSqliteSchema(dataSource: DataSource): Promise<void> {
  const indexes = indexesOf(dataSource.entityMetadatas.map((metadata) => metadata.target));
  const pending = await dataSource.driver.createSchemaBuilder().log();
  if (pending.upQueries.length > 0) {
    for (const index of indexes) await dataSource.query(`DROP INDEX IF EXISTS \`${index.name}\``);
    await dataSource.synchronize();
  }
  for (const index of indexes) {
    await dataSource.query(
      `CREATE INDEX IF NOT EXISTS \`${index.name}\` ON \`${index.table}\` (${index.expression})`,
    );
  }
}
