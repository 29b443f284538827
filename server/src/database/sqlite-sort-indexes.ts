import { type DataSource, getMetadataArgsStorage } from 'typeorm';

import type { CollectionSpec } from './query/collection-spec';
import { sortKey } from './query/keyset';
import { definedCollections } from './query/relation-graph';
import { SQLITE_DIALECT } from './query/sql-dialect';

/**
 * SQLite sorts texts through `fold()` (keyset.ts, `sortKey`), which no index on the plain column
 * serves; an index on the expression does, `fold` being deterministic. Each text `orderBy` field
 * of a collection gets one, derived here from the collections: nothing lists them by hand.
 * MySQL and MariaDB sort the column itself (their collation folds) and need none. So do pages
 * filtered on a field of few values in the default order (`fewValuePageIndexes`), which
 * MySQL/MariaDB's planner reads through the field's index with a small sort (measured by
 * EXPLAIN on the national dataset: test/read-api/filter-indexes.test.ts).
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
    for (const index of fewValuePageIndexes(spec)) indexes.set(index.name, index);
  }
  return [...indexes.values()];
}

/**
 * A page filtered on a field of few values (a status, a category, a yes/no) in the list's
 * default order: through the field's own index SQLite reads every matching row and sorts them
 * (the 656 FUNDED projects of scale 10: 1.33 ms, growing with the data); an index on the field
 * then the order's sort keys gives the page in order and stops at its last row (0.23 ms). The
 * row id ends every SQLite index, so the `id` tie-breaker comes with it.
 */
function fewValuePageIndexes(spec: CollectionSpec): SqliteSortIndex[] {
  // A reference table is read whole (reference-tables.ts), never a page at a time.
  if (spec.loadWhole) return [];
  const orderKeys = spec.defaultOrder.map(({ field }) => spec.scalars[spec.orderFields[field]]);
  if (orderKeys.some((scalar) => !scalar || scalar.column.includes('$'))) return [];
  const order = orderKeys.map((scalar) => sortKey(scalar, `\`${scalar.column}\``, SQLITE_DIALECT));
  return Object.values(spec.scalars)
    .filter(
      (scalar) =>
        (scalar.kind === 'enum' || scalar.kind === 'boolean') &&
        !scalar.column.includes('$') &&
        !orderKeys.includes(scalar),
    )
    .map((scalar) => ({
      name: `IDX_${spec.table}_${scalar.column}_${orderKeys.map((key) => key.column).join('_')}_page`,
      entity: spec.entity,
      table: spec.table,
      expression: [`\`${scalar.column}\``, ...order].join(', '),
    }));
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
