import type { DataSource } from 'typeorm';

import { formatDecimal } from '../../core/scaled-decimal';
import { type CollectionSpec, columnSql } from './collection-spec';
import { type KeptRows, readStatementRows } from './kept-reads';
import { type ListFilter, listStatement, type ParentScope, whereClause } from './list-statement';
import { withReferenceIds } from './reference-filters';
import type { AccessScope } from './sql-builder';

export interface AggregateValues {
  count: number;
  sum: Record<string, string | null>;
  avg: Record<string, string | null>;
  min: Record<string, string | null>;
  max: Record<string, string | null>;
}

export const AGGREGATE_MEASURES = ['sum', 'avg', 'min', 'max'] as const;
/** The measures of an aggregate: a list's `aggregate { sum avg min max }`, a statistics group's. */
export type MeasureName = (typeof AGGREGATE_MEASURES)[number];

/** The aggregate fields to compute, by measure (the count is always computed). */
export type AggregateRequest = ReadonlyMap<MeasureName, ReadonlySet<string>>;

const SQL_OF_MEASURE: Record<MeasureName, (column: string) => string> = {
  sum: (column) => `SUM(${column})`,
  avg: (column) => `ROUND(AVG(${column}), 2)`,
  min: (column) => `MIN(${column})`,
  max: (column) => `MAX(${column})`,
};

const everyAggregateOf = new WeakMap<CollectionSpec, AggregateRequest>();

/** Every measure of every aggregate field of `spec`: what a caller that cannot tell asks. */
export function everyAggregate(spec: CollectionSpec): AggregateRequest {
  let request = everyAggregateOf.get(spec);
  if (!request) {
    request = new Map(
      AGGREGATE_MEASURES.map((measure) => [measure, new Set(spec.aggregateFields)]),
    );
    everyAggregateOf.set(spec, request);
  }
  return request;
}

const requestKeys = new WeakMap<AggregateRequest, string>();

/** A stable text of `request`, for batch keys (requests are kept per document: made once). */
export function aggregateRequestKey(request: AggregateRequest): string {
  let key = requestKeys.get(request);
  if (key === undefined) {
    key = AGGREGATE_MEASURES.map((measure) =>
      [...(request.get(measure) ?? [])].sort().join(','),
    ).join('|');
    requestKeys.set(request, key);
  }
  return key;
}

/** No measure: the statement counts the rows only. */
export const COUNT_ONLY: AggregateRequest = new Map();

/**
 * COUNT of the filtered rows and the SUM, AVG, MIN and MAX `request` names, in SQL (per parent
 * when nested). Averages are rounded to two decimals. Only what is asked is computed: a measure
 * of a column the filter's index does not hold makes the database read every matching row
 * (the European page's count and budget total: 1.19 ms for all twelve measures against 0.58 ms).
 */
export async function aggregateRows(
  dataSource: DataSource,
  spec: CollectionSpec,
  filter: ListFilter,
  access: AccessScope,
  scope: ParentScope | undefined,
  request: AggregateRequest,
  kept?: KeptRows,
): Promise<Map<number | null, AggregateValues>> {
  const statement = await withReferenceIds(dataSource, kept, (references) =>
    listStatement(dataSource, spec, filter, scope, access, references),
  );
  const { alias, parentKey, sql } = statement;
  const wanted = AGGREGATE_MEASURES.flatMap((measure) =>
    spec.aggregateFields
      .filter((field) => request.get(measure)?.has(field))
      .map((field) => ({ measure, field })),
  );
  const selects = ['COUNT(*) AS __count'];
  for (const { measure, field } of wanted) {
    // Sums only cover the values the caller may see, so totals never reveal hidden detail.
    const column = sql.visible(spec.typeName, field, alias, columnSql(spec.scalars[field], alias));
    selects.push(`${SQL_OF_MEASURE[measure](column)} AS \`${measure}_${field}\``);
  }
  const text =
    `SELECT ${parentKey ? `${parentKey} AS __parent, ` : ''}${selects.join(', ')} ` +
    `FROM ${statement.from}${whereClause(statement.where)}` +
    (parentKey ? ` GROUP BY ${parentKey}` : '');
  const rows = await readStatementRows(dataSource, text, statement.sql.params, kept);
  const empty = (): AggregateValues => ({ count: 0, sum: {}, avg: {}, min: {}, max: {} });
  const result = new Map<number | null, AggregateValues>();
  if (scope) for (const parentId of scope.parentIds) result.set(parentId, empty());
  else result.set(null, empty());
  for (const row of rows) {
    const values = empty();
    values.count = Number(row.__count);
    for (const { measure, field } of wanted) {
      const scale = measure === 'avg' || spec.scalars[field].kind === 'decimal' ? 2 : 0;
      values[measure][field] = formatDecimal(row[`${measure}_${field}`], scale);
    }
    result.set(parentKey ? Number(row.__parent) : null, values);
  }
  return result;
}
