import type { DataSource } from 'typeorm';

import { readRows } from '../database';
import type { CollectionSpec, RelationSpec } from './collection-spec';
import { compileFilter } from './filter-compiler';
import type { ReferenceIds } from './reference-filters';
import { type AccessScope, SqlBuilder } from './sql-builder';
import { dialectOf } from './sql-dialect';

/**
 * The SQL every list statement starts from (pages, counts, aggregates): the table, the rows the
 * caller may see, the filter and, for nested lists, the join to the parents.
 */

/** A list's filter input (`ProjectFilter`…), as GraphQL coerced it. */
export type ListFilter = Record<string, unknown> | null | undefined;

/** The rows of a nested list belong to the parents that `relation` links them to. */
export interface ParentScope {
  /** This collection's relation to the parents. */
  relation: RelationSpec;
  parentIds: readonly number[];
}

export interface ListStatement {
  from: string;
  where: string[];
  parentKey: string | null;
  sql: SqlBuilder;
  alias: string;
}

/**
 * The one way the list engine runs SQL: a read through the Database port (a replica or a SQLite
 * worker, within the statement budget).
 */
export function readListRows(
  dataSource: DataSource,
  text: string,
  params: readonly unknown[],
): Promise<Record<string, unknown>[]> {
  return readRows(dataSource, text, params);
}

/** FROM and WHERE shared by pages, counts and aggregates of one list. */
export function listStatement(
  dataSource: DataSource,
  spec: CollectionSpec,
  filter: ListFilter,
  scope: ParentScope | undefined,
  access: AccessScope,
  references?: ReferenceIds,
): ListStatement {
  const sql = new SqlBuilder(dialectOf(dataSource), access, references);
  const alias = sql.alias();
  let from = `\`${spec.table}\` ${alias}`;
  const where: string[] = [];
  let parentKey: string | null = null;
  if (scope) {
    const { foreignKey, pairs } = scope.relation;
    if (foreignKey) {
      parentKey = `${alias}.\`${foreignKey}\``;
    } else {
      // The pairs first, which the parents' keys select, then each row by its id: SQLite takes a
      // CROSS JOIN's order as written (MySQL and MariaDB read it as an inner join). Left to
      // itself, SQLite walked a text order's index over the whole table and looked every row
      // up among the pairs of every parent (the pole directory's themes: 435 against 208 µs).
      const link = sql.alias('p');
      from = `(${pairs}) ${link} CROSS JOIN ${from} ON ${link}.a = ${alias}.\`id\``;
      parentKey = `${link}.b`;
    }
    where.push(`${parentKey} IN (${sql.paramList(scope.parentIds)})`);
    const guard = relationGuard(scope.relation, alias, parentKey, sql);
    if (guard) where.push(guard);
  }
  const visibleRows = access.rows(spec.typeName, alias);
  if (visibleRows) where.push(visibleRows);
  const condition = compileFilter(spec, filter ?? null, alias, sql, undefined, 0, {
    rowsBounded: scope !== undefined,
  });
  if (condition) where.push(condition);
  return { from, where, parentKey, sql, alias };
}

/**
 * A detail-only relation lists, under a parent, only the pairs whose guarded record the caller
 * may read in detail: the same rule the relation filters apply.
 */
function relationGuard(
  relation: RelationSpec,
  alias: string,
  parentKey: string,
  sql: SqlBuilder,
): string | null {
  const guard = relation.detail;
  if (!guard) return null;
  if (guard.side === 'self') return sql.access.detail(guard.typeName, alias);
  const parent = sql.alias('g');
  const condition = sql.access.detail(guard.typeName, parent);
  if (condition === null) return null;
  const table = relation.target().table;
  return `${parentKey} IN (SELECT ${parent}.\`id\` FROM \`${table}\` ${parent} WHERE ${condition})`;
}

export function whereClause(where: readonly string[]): string {
  return where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
}
