import { createHash } from 'node:crypto';

import { badUserInput } from '../../core/domain-error';
import { type CollectionSpec, columnSql, type ScalarSpec } from './collection-spec';
import type { SqlBuilder } from './sql-builder';
import type { SqlDialect } from './sql-dialect';

export type OrderDirection = 'ASC' | 'DESC';

export interface OrderByInput {
  field: string;
  direction?: OrderDirection | null;
}

export interface OrderTerm {
  /** The scalar sorted on, for the cursor's signature. */
  key: string;
  /** SQL expression, read as it is so that an index on it serves the order. */
  expression: string;
  /** The expression may be NULL: it sorts before every value ascending, after them descending. */
  nullable: boolean;
  direction: OrderDirection;
}

/**
 * What a scalar's `expression` sorts by: texts without case and accents, like MySQL's collation
 * (SQLite sorts them through `fold()`, which sort-indexes.ts indexes).
 */
export function sortKey(scalar: ScalarSpec, expression: string, dialect: SqlDialect): string {
  return scalar.kind === 'string' ? dialect.sortableText(expression) : expression;
}

/**
 * The ORDER BY terms for `orderBy`, ending with the id so the order is total and every cursor
 * points at exactly one row, unless the last term is already unique. Texts sort without case and
 * accents (`SqlDialect.sortableText`); NULL sorts before every value ascending and after them
 * descending, on SQLite and MySQL/MariaDB alike, and `keysetCondition` follows that order.
 */
export function orderTerms(
  spec: CollectionSpec,
  orderBy: readonly OrderByInput[] | null | undefined,
  alias: string,
  defaultOrder: readonly OrderByInput[],
  sql: SqlBuilder,
): OrderTerm[] {
  const requested = orderBy && orderBy.length > 0 ? orderBy : defaultOrder;
  const terms: OrderTerm[] = [];
  const seen = new Set<string>();
  let total = false;
  for (const { field, direction } of requested) {
    const scalarName = spec.orderFields[field];
    if (!scalarName) throw new Error(`${spec.typeName} cannot be ordered by ${field}`);
    if (seen.has(scalarName)) continue;
    seen.add(scalarName);
    const scalar = spec.scalars[scalarName];
    const column = columnSql(scalar, alias);
    // A value hidden from the caller sorts as NULL would.
    const visible = sql.visible(spec.typeName, scalarName, alias, column);
    const expression = sortKey(scalar, visible, sql.dialect);
    const nullable = Boolean(scalar.nullable) || visible !== column;
    terms.push({ key: scalarName, expression, nullable, direction: direction ?? 'ASC' });
    // A unique column read as stored orders every row on its own (a folded text may tie).
    total = Boolean(scalar.unique) && !nullable && expression === column;
  }
  // Ties follow the last sort key's direction: a newest-first list stays newest-first.
  const tieDirection = terms.at(-1)?.direction ?? 'ASC';
  // MariaDB sorts `unique_column, id` by filesort: a unique index carries no id to sort on.
  if (!seen.has('id') && !total) {
    terms.push({
      key: 'id',
      expression: `${alias}.\`id\``,
      nullable: false,
      direction: tieDirection,
    });
  }
  return terms;
}

export function orderClause(terms: readonly OrderTerm[], reverse = false): string {
  return terms
    .map(({ expression, direction }) => `${expression} ${flip(direction, reverse)}`)
    .join(', ');
}

function flip(direction: OrderDirection, reverse: boolean): OrderDirection {
  if (!reverse) return direction;
  return direction === 'ASC' ? 'DESC' : 'ASC';
}

/**
 * Rows strictly after (or before) the cursor's row in the order of `terms`:
 * (a > x) OR (a = x AND b > y) OR … — a keyset, which stays as fast on page 500 as on page 1.
 * NULL is below every value, as both databases sort it, so the comparisons with a cursor value
 * name it explicitly (see `beyondTerm`).
 */
export function keysetCondition(
  terms: readonly OrderTerm[],
  values: readonly unknown[],
  after: boolean,
  sql: SqlBuilder,
): string {
  const alternatives: string[] = [];
  for (let index = 0; index < terms.length; index++) {
    const term = terms[index];
    const greater = (term.direction === 'ASC') === after;
    // Nothing sorts below NULL.
    if (values[index] === null && !greater) continue;
    // Parameters in the order of the text: `?` placeholders are positional.
    const equalities = terms
      .slice(0, index)
      .map((previous, position) => equalTerm(previous.expression, values[position], sql));
    const beyond = beyondTerm(term.expression, term.nullable, values[index], greater, sql);
    alternatives.push(`(${[...equalities, beyond].join(' AND ')})`);
  }
  return alternatives.length > 0 ? `(${alternatives.join(' OR ')})` : '(1 = 0)';
}

/** `expression` equals the cursor's `value`, NULL included. */
function equalTerm(expression: string, value: unknown, sql: SqlBuilder): string {
  return value === null ? `${expression} IS NULL` : `${expression} = ${sql.param(value)}`;
}

/**
 * `expression` sorts strictly above (`greater`) or below the cursor's `value`, NULL being below
 * every value (below NULL is nothing: `keysetCondition` leaves that alternative out).
 */
function beyondTerm(
  expression: string,
  nullable: boolean,
  value: unknown,
  greater: boolean,
  sql: SqlBuilder,
): string {
  if (value === null) return `${expression} IS NOT NULL`;
  if (greater) return `${expression} > ${sql.param(value)}`;
  const below = `${expression} < ${sql.param(value)}`;
  return nullable ? `(${below} OR ${expression} IS NULL)` : below;
}

/**
 * Cursors carry the order values of their row and a signature of the ordering, so a cursor
 * from another ordering is refused instead of silently skipping rows.
 */
export function encodeCursor(signature: string, values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([signature, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string,
  signature: string,
  termCount: number,
  argument: string,
): unknown[] {
  const refuse = (why: string) => badUserInput(`${argument}: ${why}`, [argument]);
  if (
    typeof cursor !== 'string' ||
    cursor.length > 2000 ||
    !/^[A-Za-z0-9_-]+={0,2}$/.test(cursor)
  ) {
    throw refuse('not a valid cursor; pass back a `cursor` or `pageInfo.endCursor` from this list');
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse('not a valid cursor; pass back a `cursor` or `pageInfo.endCursor` from this list');
  }
  if (!Array.isArray(decoded) || decoded.length !== termCount + 1) {
    throw refuse('not a valid cursor; pass back a `cursor` or `pageInfo.endCursor` from this list');
  }
  if (decoded[0] !== signature) {
    throw refuse('this cursor comes from a list with another `orderBy`; use the same ordering');
  }
  const values = decoded.slice(1);
  if (!values.every((value) => ['string', 'number'].includes(typeof value) || value === null)) {
    throw refuse('not a valid cursor');
  }
  return values;
}

/** Signatures by ordering: few distinct ones, and a hash per list showed in profiles. */
const SIGNATURES = new Map<string, string>();

/** A short fingerprint of the type and ordering a cursor belongs to. */
export function orderSignature(spec: CollectionSpec, terms: readonly OrderTerm[]): string {
  const ordering = `${spec.typeName}|${terms.map((term) => `${term.key}:${term.direction}`).join(',')}`;
  let signature = SIGNATURES.get(ordering);
  if (signature === undefined) {
    signature = createHash('sha1').update(ordering).digest('base64url').slice(0, 8);
    if (SIGNATURES.size >= 1000) SIGNATURES.clear();
    SIGNATURES.set(ordering, signature);
  }
  return signature;
}
