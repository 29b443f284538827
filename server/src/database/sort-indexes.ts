import { type DataSource, getMetadataArgsStorage } from 'typeorm';

import type { CollectionSpec } from './query/collection-spec';
import { sortKey } from './query/keyset';
import { definedCollections } from './query/relation-graph';
import { type SqlDialect, SQLITE_DIALECT } from './query/sql-dialect';

/**
 * The indexes derived from the collections rather than declared on the entities:
 *
 * - SQLite sorts texts through `fold()` (keyset.ts, `sortKey`), which no index on the plain
 *   column serves; an index on the expression does, `fold` being deterministic. Each text
 *   `orderBy` field of a collection gets one. MySQL and MariaDB sort the column itself (their
 *   collation folds) and need none.
 * - Pages filtered on a field of few values in the default order (`fewValuePageIndexes`), on
 *   both: SQLite makes them next to its `synchronize`; MySQL and MariaDB get them from a
 *   migration whose list a test holds equal to this derivation (test/database/sort-indexes.test.ts).
 *
 * test/read-api/filter-indexes.test.ts checks the plans they give by EXPLAIN.
 */
export interface SortIndex {
  name: string;
  entity: CollectionSpec['entity'];
  table: string;
  /** The indexed expressions, as `sortKey` writes them for the dialect. */
  expression: string;
}

export function sqliteSortIndexes(collections: Iterable<CollectionSpec>): SortIndex[] {
  const indexes = new Map<string, SortIndex>();
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
    for (const index of fewValuePageIndexes(spec, SQLITE_DIALECT)) indexes.set(index.name, index);
  }
  return [...indexes.values()];
}

/** Every collection's few-value page indexes, as `dialect` writes them. */
export function pageIndexes(
  collections: Iterable<CollectionSpec>,
  dialect: SqlDialect,
): SortIndex[] {
  return [...collections].flatMap((spec) => fewValuePageIndexes(spec, dialect));
}

/**
 * A page filtered on a field of few values (a status, a category, a yes/no) in the list's
 * default order: through the field's own index the database reads every matching row and sorts
 * them (the 656 FUNDED projects of scale 10: 1.33 ms on SQLite; on MariaDB the regional page's
 * database CPU went from 1.10 to 2.68 ms a request between scales 1 and 10); an index on the
 * field then the order's sort keys gives the page in order and stops at its last row (0.23 ms
 * on SQLite; MariaDB 90 rows read instead of 656). SQLite's row id and InnoDB's primary key end
 * every index, so the `id` tie-breaker comes with it.
 */
function fewValuePageIndexes(spec: CollectionSpec, dialect: SqlDialect): SortIndex[] {
  // A reference table is read whole (reference-tables.ts), never a page at a time.
  if (spec.loadWhole) return [];
  const orderKeys = spec.defaultOrder.map(({ field }) => spec.scalars[spec.orderFields[field]]);
  if (orderKeys.some((scalar) => !scalar || scalar.column.includes('$'))) return [];
  const order = orderKeys.map((scalar) => sortKey(scalar, `\`${scalar.column}\``, dialect));
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

function indexesOf(entities: readonly unknown[]): SortIndex[] {
  return sqliteSortIndexes(definedCollections()).filter((index) => entities.includes(index.entity));
}

const declared = new Set<string>();

/**
 * Tells TypeORM the derived indexes exist and are not its to manage (`synchronize: false`):
 * otherwise its `synchronize` (SQLite) drops every index of a table that the entities do not
 * declare, and they would be built again at every start, and its schema check (MySQL/MariaDB,
 * schema-drift.ts) would want the migrated page indexes dropped. The page indexes have the same
 * names in both dialects: SQLite's list covers them all.
 */
export function declareSortIndexes(entities: readonly unknown[]): void {
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
