import type { DataSource } from 'typeorm';

import { formatDecimal } from '../../core/scaled-decimal';
import { type CollectionSpec, columnSql } from './collection-spec';
import {
  type ListFilter,
  listStatement,
  type ParentScope,
  readListRows,
  whereClause,
} from './list-statement';
import type { AccessScope } from './sql-builder';

export interface AggregateValues {
  count: number;
  sum: Record<string, string | null>;
  avg: Record<string, string | null>;
  min: Record<string, string | null>;
  max: Record<string, string | null>;
}

/** How many rows the list has (per parent when nested), with the same filter. */
export async function countRows(
  dataSource: DataSource,
  spec: CollectionSpec,
  filter: ListFilter,
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
  filter: ListFilter,
  access: AccessScope,
  scope?: ParentScope,
  withFields = true,
): Promise<Map<number | null, AggregateValues>> {
  const statement = listStatement(dataSource, spec, filter, scope, access);
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
  const rows = await readListRows(dataSource, text, statement.sql.params);
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
