import type { DataSource } from 'typeorm';

import { badUserInput } from '../../core/domain-error';
import { formatDecimal } from '../../core/scaled-decimal';
import { readRows } from '../database';
import type { CollectionSpec, RelationSpec } from './collection-spec';
import { columnSql } from './collection-spec';
import { compileFilter } from './filter-compiler';
import { hydrate } from './hydrate';
import {
  decodeCursor,
  encodeCursor,
  keysetCondition,
  type OrderByInput,
  orderClause,
  orderSignature,
  orderTerms,
} from './keyset';
import { type AccessScope, SqlBuilder, UNRESTRICTED } from './sql-builder';
import { dialectOf } from './sql-dialect';

/** The largest page a caller may ask for, as on GitHub. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  filter?: Record<string, unknown> | null;
  orderBy?: readonly OrderByInput[] | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageInfoValues {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfoValues;
}

/** The rows of a nested list belong to the parents that `relation` links them to. */
export interface ParentScope {
  /** This collection's relation to the parents. */
  relation: RelationSpec;
  parentIds: readonly number[];
}

export interface AggregateValues {
  count: number;
  sum: Record<string, string | null>;
  avg: Record<string, string | null>;
  min: Record<string, string | null>;
  max: Record<string, string | null>;
}

interface Statement {
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
function execute(
  dataSource: DataSource,
  text: string,
  params: readonly unknown[],
): Promise<Record<string, unknown>[]> {
  return readRows(dataSource, text, params);
}

/** FROM and WHERE shared by pages, counts and aggregates of one list. */
function baseStatement(
  dataSource: DataSource,
  spec: CollectionSpec,
  filter: PageRequest['filter'],
  scope: ParentScope | undefined,
  access: AccessScope,
): Statement {
  const sql = new SqlBuilder(dialectOf(dataSource), access);
  const alias = sql.alias();
  let from = `\`${spec.table}\` ${alias}`;
  const where: string[] = [];
  let parentKey: string | null = null;
  if (scope) {
    const link = sql.alias('p');
    from += ` JOIN (${scope.relation.pairs}) ${link} ON ${link}.a = ${alias}.\`id\``;
    parentKey = `${link}.b`;
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

function whereClause(where: readonly string[]): string {
  return where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
}

function pageSize(request: PageRequest): { size: number | null; backwards: boolean } {
  for (const argument of ['first', 'last'] as const) {
    const value = request[argument];
    if (value !== undefined && value !== null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badUserInput(
        `${argument} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}; follow pageInfo.endCursor for more`,
        [argument],
      );
    }
  }
  if (request.first != null && request.last != null) {
    throw badUserInput('Pass either first or last, not both', ['last']);
  }
  const backwards = request.last != null || (request.before != null && request.first == null);
  return {
    size: backwards ? (request.last ?? DEFAULT_PAGE_SIZE) : (request.first ?? DEFAULT_PAGE_SIZE),
    backwards,
  };
}

export interface PageOptions {
  defaultOrder: readonly OrderByInput[];
  /** What the caller may see (the permission policy); everything by default. */
  access?: AccessScope;
  /** Return every row, unpaginated (bounded lists such as a project's partners). */
  unbounded?: boolean;
}

/**
 * One page of a list (root: no scope) or one page per parent (nested: `scope`), in ONE
 * statement. Nested pages use ROW_NUMBER() OVER (PARTITION BY parent), which MySQL 8,
 * MariaDB and SQLite all support, so N parents never cost N queries.
 */
export async function fetchPages<T extends object>(
  dataSource: DataSource,
  spec: CollectionSpec,
  request: PageRequest,
  options: PageOptions,
  scope?: ParentScope,
): Promise<Map<number | null, Page<T>>> {
  const { size, backwards } = options.unbounded
    ? { size: null, backwards: false }
    : pageSize(request);
  const statement = baseStatement(
    dataSource,
    spec,
    request.filter,
    scope,
    options.access ?? UNRESTRICTED,
  );
  const { sql, alias, parentKey } = statement;
  const terms = orderTerms(spec, request.orderBy, alias, options.defaultOrder, sql);
  const signature = orderSignature(spec, terms);
  const where = [...statement.where];
  for (const [argument, isAfter] of [
    ['after', true],
    ['before', false],
  ] as const) {
    const cursor = request[argument];
    if (cursor != null) {
      const values = decodeCursor(cursor, signature, terms.length, argument);
      where.push(keysetCondition(terms, values, isAfter, sql));
    }
  }
  const orderValues = terms
    .map((term, index) => `${sql.dialect.cursorValue(term.expression)} AS __o${index}`)
    .join(', ');
  const order = orderClause(terms, backwards);
  const parentColumn = parentKey ? `, ${parentKey} AS __parent` : '';
  let text: string;
  if (size === null) {
    text = `SELECT ${alias}.*, ${orderValues}${parentColumn} FROM ${statement.from}${whereClause(where)} ORDER BY ${order}`;
  } else if (!parentKey) {
    text = `SELECT ${alias}.*, ${orderValues} FROM ${statement.from}${whereClause(where)} ORDER BY ${order} LIMIT ${sql.param(size + 1)}`;
  } else {
    text =
      `SELECT * FROM (SELECT ${alias}.*, ${orderValues}${parentColumn}, ` +
      `ROW_NUMBER() OVER (PARTITION BY ${parentKey} ORDER BY ${order}) AS __rn ` +
      `FROM ${statement.from}${whereClause(where)}) ranked ` +
      `WHERE __rn <= ${sql.param(size + 1)} ORDER BY __parent, __rn`;
  }
  const rows = await execute(dataSource, text, sql.params);

  const rowsByParent = new Map<number | null, Record<string, unknown>[]>();
  if (scope) for (const parentId of scope.parentIds) rowsByParent.set(parentId, []);
  else rowsByParent.set(null, []);
  for (const row of rows) {
    const parent = parentKey ? Number(row.__parent) : null;
    rowsByParent.get(parent)?.push(row);
  }

  const pages = new Map<number | null, Page<T>>();
  for (const [parent, parentRows] of rowsByParent) {
    const hasMore = size !== null && parentRows.length > size;
    const pageRows = hasMore ? parentRows.slice(0, size!) : parentRows;
    if (backwards) pageRows.reverse();
    const nodes = hydrate(dataSource, spec.entity as new () => T, pageRows);
    // Cursors are encoded when asked for: most pages (a directory, nested lists) never read
    // them, and encoding one per row showed in the pole-directory profile.
    const cursorAt = (index: number) =>
      encodeCursor(
        signature,
        terms.map((_, position) => normaliseCursorValue(pageRows[index][`__o${position}`])),
      );
    const edges = nodes.map((node, index) => {
      let cursor: string | undefined;
      return {
        node,
        get cursor() {
          return (cursor ??= cursorAt(index));
        },
      };
    });
    pages.set(parent, {
      edges,
      nodes,
      pageInfo: {
        hasNextPage: backwards ? request.before != null : hasMore,
        hasPreviousPage: backwards ? hasMore : request.after != null,
        get startCursor() {
          return edges[0]?.cursor ?? null;
        },
        get endCursor() {
          return edges.at(-1)?.cursor ?? null;
        },
      },
    });
  }
  return pages;
}

function normaliseCursorValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** How many rows the list has (per parent when nested), with the same filter. */
export async function countRows(
  dataSource: DataSource,
  spec: CollectionSpec,
  filter: PageRequest['filter'],
  access: AccessScope,
  scope?: ParentScope,
): Promise<Map<number | null, number>> {
  const aggregates = await aggregateRows(dataSource, spec, filter, access, scope, false);
  return new Map([...aggregates].map(([parent, values]) => [parent, values.count]));
}

/**
 * COUNT, SUM, AVG, MIN and MAX of every aggregate field over the filtered rows, in SQL
 * (per parent when nested). Averages are rounded to two decimals.
 */
export async function aggregateRows(
  dataSource: DataSource,
  spec: CollectionSpec,
  filter: PageRequest['filter'],
  access: AccessScope,
  scope?: ParentScope,
  withFields = true,
): Promise<Map<number | null, AggregateValues>> {
  const statement = baseStatement(dataSource, spec, filter, scope, access);
  const { alias, parentKey, sql } = statement;
  const fields = withFields ? spec.aggregateFields : [];
  const selects = ['COUNT(*) AS __count'];
  for (const field of fields) {
    // Sums only cover the values the caller may see, so totals never reveal hidden detail.
    const column = sql.visible(spec.typeName, field, alias, columnSql(spec.scalars[field], alias));
    selects.push(
      `SUM(${column}) AS \`sum_${field}\``,
      `ROUND(AVG(${column}), 2) AS \`avg_${field}\``,
      `MIN(${column}) AS \`min_${field}\``,
      `MAX(${column}) AS \`max_${field}\``,
    );
  }
  const text =
    `SELECT ${parentKey ? `${parentKey} AS __parent, ` : ''}${selects.join(', ')} ` +
    `FROM ${statement.from}${whereClause(statement.where)}` +
    (parentKey ? ` GROUP BY ${parentKey}` : '');
  const rows = await execute(dataSource, text, statement.sql.params);
  const empty = (): AggregateValues => ({ count: 0, sum: {}, avg: {}, min: {}, max: {} });
  const result = new Map<number | null, AggregateValues>();
  if (scope) for (const parentId of scope.parentIds) result.set(parentId, empty());
  else result.set(null, empty());
  for (const row of rows) {
    const values = empty();
    values.count = Number(row.__count);
    for (const field of fields) {
      const scale = spec.scalars[field].kind === 'decimal' ? 2 : 0;
      for (const measure of ['sum', 'avg', 'min', 'max'] as const) {
        values[measure][field] = formatDecimal(
          row[`${measure}_${field}`],
          measure === 'avg' ? 2 : scale,
        );
      }
    }
    result.set(parentKey ? Number(row.__parent) : null, values);
  }
  return result;
}

/**
 * Rows by primary key (every row when `ids` is null), in one statement; a missing id is simply
 * absent from the map.
 */
export async function fetchByIds<T extends object>(
  dataSource: DataSource,
  spec: CollectionSpec,
  ids: readonly number[] | null,
  access: AccessScope = UNRESTRICTED,
): Promise<Map<number, T>> {
  if (ids && ids.length === 0) return new Map();
  const sql = new SqlBuilder(dialectOf(dataSource));
  const conditions = [
    ids ? `t0.\`id\` IN (${sql.paramList(ids)})` : null,
    access.rows(spec.typeName, 't0'),
  ];
  const where = conditions.filter(Boolean).join(' AND ');
  const rows = await execute(
    dataSource,
    `SELECT t0.* FROM \`${spec.table}\` t0${where ? ` WHERE ${where}` : ''}`,
    sql.params,
  );
  const nodes = hydrate(dataSource, spec.entity as new () => T, rows);
  return new Map(nodes.map((node) => [(node as { id: number }).id, node]));
}

/** The row whose unique `column` equals `value`, or `null`. */
export async function fetchOneBy<T extends object>(
  dataSource: DataSource,
  spec: CollectionSpec,
  column: string,
  value: unknown,
  access: AccessScope = UNRESTRICTED,
): Promise<T | null> {
  const visibleRows = access.rows(spec.typeName, 't0');
  const rows = await execute(
    dataSource,
    `SELECT t0.* FROM \`${spec.table}\` t0 WHERE t0.\`${column}\` = ?` +
      (visibleRows ? ` AND ${visibleRows}` : '') +
      ' LIMIT 1',
    [value],
  );
  return hydrate(dataSource, spec.entity as new () => T, rows)[0] ?? null;
}
