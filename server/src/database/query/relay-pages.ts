import type { DataSource } from 'typeorm';

import { badUserInput } from '../../core/domain-error';
import type { CollectionSpec } from './collection-spec';
import { hydrate } from './hydrate';
import type { KeptRows } from './kept-reads';
import {
  decodeCursor,
  encodeCursor,
  keysetCondition,
  type OrderByInput,
  orderClause,
  orderSignature,
  type OrderTerm,
  orderTerms,
} from './keyset';
import {
  type ListFilter,
  listStatement,
  type ParentScope,
  readListRows,
  whereClause,
} from './list-statement';
import { type ReferenceIds, withReferenceIds } from './reference-filters';
import { type RowShape, selectColumns, WHOLE_ROWS } from './row-shape';
import { type AccessScope, UNRESTRICTED } from './sql-builder';

/** The largest page a caller may ask for, as on GitHub. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  filter?: ListFilter;
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
  /**
   * Read the sort values cursors are made of (true by default): a page whose cursors nobody
   * asks for (`nodes` only, `pageInfo { hasNextPage }`) leaves them out; on SQLite a text order's
   * value is a `fold()` call per row (the pole directory's 56 names: 111 against 156 µs).
   */
  cursors?: boolean;
  /** The columns to read (row-shape.ts); every column by default. */
  shape?: RowShape;
  /** To-one relations read in the same statement (`fetchPagesWithJoins`). */
  joins?: readonly JoinedRelation[];
  /** Where the ids a filter on a reference table matches are kept (reference-filters.ts). */
  kept?: KeptRows;
}

/**
 * A record the row's foreign key names, read in the page's statement by a LEFT JOIN on its
 * primary key, with the columns `shape` lists (never whole rows) and only where the caller may
 * see it (`access.rows`): what a separate read of those ids would find. Meant for unpaginated
 * lists: under a LIMIT the database joins every candidate row before it sorts and cuts.
 */
export interface JoinedRelation {
  /** The column of the list's row that holds the related id. */
  foreignKey: string;
  target: CollectionSpec;
  shape: RowShape & { columns: readonly string[] };
}

/** The statement of a page (`pageStatement`), with what reading its rows needs. */
export interface PageStatement {
  text: string;
  params: unknown[];
  size: number | null;
  backwards: boolean;
  parentKey: string | null;
  terms: OrderTerm[];
  signature: string;
  shape: RowShape;
  /** The alias of each joined relation's columns (`__<alias>_<column>`), in `joins` order. */
  joinAliases: string[];
  /** Whether the rows hold their sort values (`__o0`…), which cursors are made of. */
  cursors: boolean;
}

/**
 * The one statement that reads a page of a list (root: no scope) or one page per parent
 * (nested: `scope`). Nested pages use ROW_NUMBER() OVER (PARTITION BY parent), which MySQL 8,
 * MariaDB and SQLite all support, so N parents never cost N queries.
 */
export function pageStatement(
  dataSource: DataSource,
  spec: CollectionSpec,
  request: PageRequest,
  options: PageOptions,
  scope?: ParentScope,
  references?: ReferenceIds,
): PageStatement {
  const { size, backwards } = options.unbounded
    ? { size: null, backwards: false }
    : pageSize(request);
  const statement = listStatement(
    dataSource,
    spec,
    request.filter,
    scope,
    options.access ?? UNRESTRICTED,
    references,
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
  // The sort values a cursor is made of: an unbounded list has no cursors, and reading them
  // cost a `fold()` call per row on SQLite for a text order (a pole's themes by code).
  const cursors = size !== null && options.cursors !== false;
  const orderValues = !cursors
    ? ''
    : terms
        .map((term, index) => `, ${sql.dialect.cursorValue(term.expression)} AS __o${index}`)
        .join('');
  const order = orderClause(terms, backwards);
  const parentColumn = parentKey ? `, ${parentKey} AS __parent` : '';
  const shape = options.shape ?? WHOLE_ROWS;
  let columns = selectColumns(shape, alias);
  let from = statement.from;
  const joinAliases: string[] = [];
  for (const join of options.joins ?? []) {
    const joined = sql.alias('j');
    const visible = sql.access.rows(join.target.typeName, joined);
    from +=
      ` LEFT JOIN \`${join.target.table}\` ${joined} ON ${joined}.\`id\` = ${alias}.\`${join.foreignKey}\`` +
      (visible ? ` AND ${visible}` : '');
    columns += join.shape.columns
      .map((column) => `, ${joined}.\`${column}\` AS \`__${joined}_${column}\``)
      .join('');
    joinAliases.push(joined);
  }
  let text: string;
  if (size === null) {
    text = `SELECT ${columns}${orderValues}${parentColumn} FROM ${from}${whereClause(where)} ORDER BY ${order}`;
  } else if (!parentKey) {
    text = `SELECT ${columns}${orderValues} FROM ${from}${whereClause(where)} ORDER BY ${order} LIMIT ${sql.param(size + 1)}`;
  } else {
    text =
      `SELECT * FROM (SELECT ${columns}${orderValues}${parentColumn}, ` +
      `ROW_NUMBER() OVER (PARTITION BY ${parentKey} ORDER BY ${order}) AS __rn ` +
      `FROM ${from}${whereClause(where)}) ranked ` +
      `WHERE __rn <= ${sql.param(size + 1)} ORDER BY __parent, __rn`;
  }
  return {
    text,
    params: sql.params,
    size,
    backwards,
    parentKey,
    terms,
    signature,
    shape,
    joinAliases,
    cursors,
  };
}

/** One page of a list (root: no scope) or one page per parent (nested: `scope`), in ONE statement. */
export async function fetchPages<T extends object>(
  dataSource: DataSource,
  spec: CollectionSpec,
  request: PageRequest,
  options: PageOptions,
  scope?: ParentScope,
): Promise<Map<number | null, Page<T>>> {
  return (await fetchPagesWithJoins<T>(dataSource, spec, request, options, scope)).pages;
}

/**
 * `fetchPages`, with the records of `options.joins` read in the same statement: for each join,
 * every related id the rows name, with its record (`null` where none is visible).
 */
export async function fetchPagesWithJoins<T extends object>(
  dataSource: DataSource,
  spec: CollectionSpec,
  request: PageRequest,
  options: PageOptions,
  scope?: ParentScope,
): Promise<{ pages: Map<number | null, Page<T>>; joined: Map<number, object | null>[] }> {
  const statement = await withReferenceIds(dataSource, options.kept, (references) =>
    pageStatement(dataSource, spec, request, options, scope, references),
  );
  const rows = await readListRows(dataSource, statement.text, statement.params);
  const joined = (options.joins ?? []).map((join, index) =>
    joinedRecords(dataSource, join, statement.joinAliases[index], rows),
  );
  return { pages: pagesOf<T>(dataSource, spec, request, rows, statement, scope), joined };
}

/** The records one join read, by the related id each row names. */
function joinedRecords(
  dataSource: DataSource,
  join: JoinedRelation,
  joinAlias: string,
  rows: readonly Record<string, unknown>[],
): Map<number, object | null> {
  const prefix = `__${joinAlias}_`;
  const idColumn = `${prefix}id`;
  const found = new Map<number, object | null>();
  // The first row naming each related record; hydrated from the row's prefixed columns.
  const firsts: Record<string, unknown>[] = [];
  const ids: number[] = [];
  for (const row of rows) {
    const id = row[idColumn];
    const key = row[join.foreignKey];
    if (key === null || key === undefined) continue;
    if (id === null || id === undefined) {
      found.set(Number(key), null);
      continue;
    }
    if (found.has(Number(id))) continue;
    found.set(Number(id), null);
    firsts.push(row);
    ids.push(Number(id));
  }
  const records = hydrate(dataSource, join.target.entity, firsts, join.shape, prefix);
  for (let index = 0; index < ids.length; index += 1) found.set(ids[index], records[index]);
  return found;
}

/** The pages of a list's rows, by parent (`null` for a root list). */
function pagesOf<T extends object>(
  dataSource: DataSource,
  spec: CollectionSpec,
  request: PageRequest,
  rows: readonly Record<string, unknown>[],
  { size, backwards, parentKey, terms, signature, shape, cursors }: PageStatement,
  scope: ParentScope | undefined,
): Map<number | null, Page<T>> {
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
    const nodes = hydrate(dataSource, spec.entity as new () => T, pageRows, shape);
    // Edges, cursors and page info are made when asked for: most pages (a directory, nested
    // lists) read only `nodes`, and an edge object per row, with its cursor, showed in the
    // pole-directory profiles (first the cursors' encoding, then the edges' allocation).
    const cursorAt = (index: number) => {
      if (!cursors) {
        throw new Error(
          `This page of ${spec.typeName} was read without its cursors (unbounded, or not asked)`,
        );
      }
      return encodeCursor(
        signature,
        terms.map((_, position) => normaliseCursorValue(pageRows[index][`__o${position}`])),
      );
    };
    let edges: Page<T>['edges'] | undefined;
    const edgesOf = () =>
      (edges ??= nodes.map((node, index) => {
        let cursor: string | undefined;
        return {
          node,
          get cursor() {
            return (cursor ??= cursorAt(index));
          },
        };
      }));
    const pageInfo: PageInfoValues = {
      hasNextPage: backwards ? request.before != null : hasMore,
      hasPreviousPage: backwards ? hasMore : request.after != null,
      get startCursor() {
        return nodes.length > 0 ? edgesOf()[0].cursor : null;
      },
      get endCursor() {
        return nodes.length > 0 ? edgesOf()[nodes.length - 1].cursor : null;
      },
    };
    pages.set(parent, {
      get edges() {
        return edgesOf();
      },
      nodes,
      pageInfo,
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
