import { badUserInput } from '../../core/domain-error';
import type { SqlBuilder } from './sql-builder';
import { likeEscape } from './sql-dialect';

/** Bounds that keep one condition from turning into a huge statement. */
export const MAX_IN_VALUES = 500;
export const MAX_TEXT_LENGTH = 200;

/**
 * What one set of operators compares: a column in a list filter, an aggregate in a `having`.
 * The operators mean the same on both; only the expression and the way a value becomes a
 * parameter differ.
 */
export interface ComparisonOperand {
  /** The SQL compared (a column as the caller may see it, an aggregate…). */
  expression: string;
  /**
   * Appends one value to the statement's parameters and returns its placeholder (`?`, or a
   * cast of it); `path` names the value in errors (`filter.id.in.3`).
   */
  placeholder: (value: unknown, path: readonly string[]) => string;
  /** Whether `contains` and `startsWith` apply (text columns); elsewhere they are unknown. */
  text?: boolean;
  /**
   * The expression is a condition itself (a derived flag such as `active`, "(… IS NULL)"):
   * `eq: true` is the expression and `eq: false` its negation, which the index on its column
   * answers, where "(…) = 1" reads every row.
   */
  condition?: boolean;
}

type Operators = Record<string, unknown>;

const COMPARATORS: Readonly<Record<string, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * Compiles the operators of one comparison input (`{ gte: 10, notIn: [12] }`) into an SQL
 * condition, or `null` when it constrains nothing. Parameters go to `sql` in textual order.
 * `ne` and `notIn` keep NULLs (as GraphQL readers expect "not equal" to), `in: []` matches
 * nothing and `notIn: []` everything.
 */
export function compileComparison(
  operand: ComparisonOperand,
  operators: Operators,
  sql: SqlBuilder,
  path: readonly string[],
): string | null {
  const { expression, placeholder } = operand;
  const conditions: string[] = [];
  for (const [operator, raw] of Object.entries(operators)) {
    if (raw === undefined) continue;
    const at = [...path, operator];
    switch (operator) {
      case 'eq':
        if (operand.condition && raw !== null) {
          conditions.push(raw ? expression : `NOT ${expression}`);
          break;
        }
        conditions.push(
          raw === null ? `${expression} IS NULL` : `${expression} = ${placeholder(raw, at)}`,
        );
        break;
      case 'ne':
        conditions.push(
          raw === null
            ? `${expression} IS NOT NULL`
            : `(${expression} <> ${placeholder(raw, at)} OR ${expression} IS NULL)`,
        );
        break;
      case 'in':
      case 'notIn': {
        const values = raw as unknown[];
        if (values.length > MAX_IN_VALUES) {
          throw badUserInput(
            `${at.join('.')}: at most ${MAX_IN_VALUES} values, got ${values.length}`,
            at,
          );
        }
        const list = values.map((item, index) => placeholder(item, [...at, String(index)]));
        if (operator === 'in') {
          conditions.push(list.length === 0 ? '1 = 0' : `${expression} IN (${list.join(', ')})`);
        } else if (list.length > 0) {
          conditions.push(`(${expression} NOT IN (${list.join(', ')}) OR ${expression} IS NULL)`);
        }
        break;
      }
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        conditions.push(`${expression} ${COMPARATORS[operator]} ${placeholder(raw, at)}`);
        break;
      case 'isNull':
        conditions.push(raw ? `${expression} IS NULL` : `${expression} IS NOT NULL`);
        break;
      case 'contains':
      case 'startsWith': {
        if (!operand.text) throw unknownOperator(operator, path);
        const text = checkedText(raw, at);
        if (text === '') break;
        sql.param(likeEscape(text));
        conditions.push(
          operator === 'contains'
            ? sql.dialect.containsInsensitive(expression)
            : sql.dialect.startsWithInsensitive(expression),
        );
        break;
      }
      default:
        throw unknownOperator(operator, path);
    }
  }
  return conditions.length > 0 ? conditions.join(' AND ') : null;
}

/** The schema offers no such operator here: a bug of the caller, not of the request. */
function unknownOperator(operator: string, path: readonly string[]): Error {
  return new Error(`Unknown operator "${operator}" at ${path.join('.')}`);
}

/** A text value as a condition may hold it: bounded, and without NUL. */
export function checkedText(raw: unknown, path: readonly string[]): string {
  const text = String(raw);
  if (text.length > MAX_TEXT_LENGTH) {
    throw badUserInput(
      `${path.join('.')}: text filters take at most ${MAX_TEXT_LENGTH} characters`,
      path,
    );
  }
  // SQLite ends text at a NUL inside LIKE: "\u0000" would match every row instead of none.
  if (text.includes('\u0000')) {
    throw badUserInput(
      `${path.join('.')}: text filters may not contain the NUL character (\\u0000)`,
      path,
    );
  }
  return text;
}
