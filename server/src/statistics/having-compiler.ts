import { badUserInput } from '../core/domain-error';
import { compileBooleanCondition } from '../database/query/boolean-condition';
import { MAX_STATS_GROUPS } from '../database/query/grouped-limits';
import type { SqlBuilder } from '../database/query/sql-builder';
import { type ComparisonOperand, compileComparison } from '../database/query/sql-comparison';

/**
 * What grouped statistics share: HAVING conditions over aggregates, ORDER BY over aggregates
 * and group keys, and the bound on how many groups one call returns. The same operators as
 * list filters (IntFilter, DecimalFilter), but over aggregate expressions instead of columns.
 */

/** An aggregate as SQL, and whether its values are whole numbers or decimals. */
export interface AggregateMeasure {
  expression: string;
  kind: 'int' | 'decimal';
}

/**
 * The aggregates a `having` input names: a measure directly (`count`) or one level of fields
 * under it (`sum: { totalBudget }`).
 */
export type HavingSpec = Record<string, AggregateMeasure | Record<string, AggregateMeasure>>;

type HavingInput = Record<string, unknown>;

const MAX_HAVING_DEPTH = 8;

/** Whether a `having` entry is one aggregate, not a group of them (`sum: { … }`). */
export function isMeasure(
  entry: AggregateMeasure | Record<string, AggregateMeasure>,
): entry is AggregateMeasure {
  return typeof (entry as AggregateMeasure).expression === 'string';
}

/**
 * Compiles a `having` input into an SQL condition for HAVING, or `null` when it constrains
 * nothing. Parameters go to `sql` in textual order, so call it where HAVING sits in the text.
 */
export function compileHaving(
  spec: HavingSpec,
  having: HavingInput | null | undefined,
  sql: SqlBuilder,
  path: readonly string[] = ['having'],
): string | null {
  return compileBooleanCondition(having, path, MAX_HAVING_DEPTH, (key, value, here) => {
    if (!(key in spec)) throw new Error(`having has no field "${key}"`);
    const entry = spec[key];
    if (isMeasure(entry)) {
      return compileComparison(aggregateOperand(entry, sql), value as HavingInput, sql, here);
    }
    const conditions: string[] = [];
    for (const [field, operators] of Object.entries(value as HavingInput)) {
      if (operators === undefined || operators === null) continue;
      const measure = entry[field];
      if (!measure) throw new Error(`having.${key} has no field "${field}"`);
      const condition = compileComparison(
        aggregateOperand(measure, sql),
        operators as HavingInput,
        sql,
        [...here, field],
      );
      if (condition) conditions.push(condition);
    }
    return conditions.length > 0 ? conditions.join(' AND ') : null;
  });
}

/**
 * An aggregate as a comparison operand. SQLite compares a REAL sum with a text parameter as
 * text, and MySQL compares DECIMAL with text as doubles: casting the parameter makes both
 * compare numbers, MySQL exactly.
 */
function aggregateOperand(measure: AggregateMeasure, sql: SqlBuilder): ComparisonOperand {
  return {
    expression: measure.expression,
    placeholder: (value) => {
      const marker = sql.param(value);
      if (measure.kind === 'int') return marker;
      return sql.dialect.kind === 'sqlite'
        ? `CAST(${marker} AS REAL)`
        : `CAST(${marker} AS DECIMAL(24,6))`;
    },
  };
}

export interface StatsOrderInput {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

/**
 * ORDER BY for grouped rows. `sortable` maps each order field to its SQL (a select alias), or
 * to `null` for a group key that was not grouped on. The grouped keys always follow, ascending,
 * so the order is total and the same on both databases (NULL sorts first in both).
 */
export function statsOrderClause(
  orderBy: readonly StatsOrderInput[] | null | undefined,
  sortable: ReadonlyMap<string, string | null>,
  groupKeys: readonly string[],
  path: readonly string[] = ['orderBy'],
): string {
  const terms: string[] = [];
  const seen = new Set<string>();
  (orderBy ?? []).forEach(({ field, direction }, index) => {
    const expression = sortable.get(field);
    if (expression === undefined) throw new Error(`Cannot order statistics by ${field}`);
    if (expression === null) {
      const at = [...path, String(index), 'field'];
      throw badUserInput(
        `${at.join('.')}: ${field} is not in groupBy; group by it or sort on another field`,
        at,
      );
    }
    if (seen.has(expression)) return;
    seen.add(expression);
    terms.push(`${expression} ${direction === 'DESC' ? 'DESC' : 'ASC'}`);
  });
  for (const key of groupKeys) {
    if (!seen.has(key)) terms.push(`${key} ASC`);
  }
  return terms.length > 0 ? ` ORDER BY ${terms.join(', ')}` : '';
}

/** `first` checked against the bound, naming the argument when it is out of range. */
export function groupLimit(first: number | null | undefined, defaultLimit: number): number {
  const value = first ?? defaultLimit;
  if (!Number.isInteger(value) || value < 0 || value > MAX_STATS_GROUPS) {
    throw badUserInput(
      `first must be between 0 and ${MAX_STATS_GROUPS}, got ${value}; narrow the filter or the groupBy`,
      ['first'],
    );
  }
  return value;
}
