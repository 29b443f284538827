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
  /** SQL expression, null-safe: nullable columns sort with a sentinel so cursors can compare them. */
  expression: string;
  direction: OrderDirection;
}

/**
 * The expression a scalar sorts by: texts without case and accents, and NULL as a sentinel
 * before every real value, so that SQLite and MySQL agree and cursors can compare it.
 */
function sortExpression(
  scalar: ScalarSpec,
  column: string,
  nullable: boolean,
  dialect: SqlDialect,
): string {
  const text = scalar.kind === 'string' ? dialect.sortableText(column) : column;
  if (!nullable) return text;
  const sentinel = ['int', 'decimal', 'id', 'boolean'].includes(scalar.kind) ? '-1' : "''";
  return `COALESCE(${text}, ${sentinel})`;
}

/**
 * The ORDER BY terms for `orderBy`, always ending with the id so the order is total and every
 * cursor points at exactly one row.
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
  for (const { field, direction } of requested) {
    const scalarName = spec.orderFields[field];
    if (!scalarName) throw new Error(`${spec.typeName} cannot be ordered by ${field}`);
    if (seen.has(scalarName)) continue;
    seen.add(scalarName);
    const scalar = spec.scalars[scalarName];
    const column = columnSql(scalar, alias);
    const visible = sql.visible(spec.typeName, scalarName, alias, column);
    terms.push({
      key: scalarName,
      // A value hidden from the caller sorts as NULL would.
      expression: sortExpression(
        scalar,
        visible,
        Boolean(scalar.nullable) || visible !== column,
        sql.dialect,
      ),
      direction: direction ?? 'ASC',
    });
  }
  // Ties follow the last sort key's direction: a newest-first list stays newest-first.
  const tieDirection = terms.at(-1)?.direction ?? 'ASC';
  if (!seen.has('id'))
    terms.push({ key: 'id', expression: `${alias}.\`id\``, direction: tieDirection });
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
 */
export function keysetCondition(
  terms: readonly OrderTerm[],
  values: readonly unknown[],
  after: boolean,
  sql: SqlBuilder,
): string {
  const alternatives: string[] = [];
  for (let index = 0; index < terms.length; index++) {
    const equalities = terms
      .slice(0, index)
      .map((term, position) => `${term.expression} = ${sql.param(values[position])}`);
    const term = terms[index];
    const greater = (term.direction === 'ASC') === after;
    equalities.push(`${term.expression} ${greater ? '>' : '<'} ${sql.param(values[index])}`);
    alternatives.push(`(${equalities.join(' AND ')})`);
  }
  return `(${alternatives.join(' OR ')})`;
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
