import { badUserInput } from '../../core/domain-error';

type ConditionInput = Record<string, unknown>;

/**
 * The most operators (`eq`, `in`, `contains`…) one condition input may hold, `and`/`or`
 * branches and relations included: SQLite refuses expressions nested past 1,000 levels, and a
 * long `or` is one level per branch.
 */
export const MAX_CONDITIONS = 100;
/** The most values of `in`/`notIn` lists in one condition input: each is a statement parameter. */
export const MAX_CONDITION_VALUES = 5000;
/** The deepest a condition input may nest, counting objects and lists. */
export const MAX_CONDITION_NESTING = 32;

/**
 * Refuses, with the limit it goes over, a condition input too big for one statement: too many
 * operators, list values or levels. Walks without recursion, so that no input can exhaust the
 * stack; the list engine calls it on every input, and the cost model before anything runs.
 */
export function checkConditionBounds(input: unknown, path: readonly string[]): void {
  const where = path.join('.');
  let conditions = 0;
  let values = 0;
  const pending: [unknown, number][] = [[input, 1]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (depth > MAX_CONDITION_NESTING) {
      throw badUserInput(
        `${where}: conditions nest at most ${MAX_CONDITION_NESTING} levels deep (objects and lists)`,
        path,
      );
    }
    if (value === null || typeof value !== 'object') continue;
    for (const [key, inner] of Object.entries(value)) {
      if (inner === null || inner === undefined) continue;
      if (Array.isArray(inner) && key !== 'and' && key !== 'or') {
        conditions += 1;
        values += inner.length;
      } else if (typeof inner === 'object') {
        pending.push([inner, depth + 1]);
      } else {
        conditions += 1;
      }
    }
  }
  if (conditions > MAX_CONDITIONS) {
    throw badUserInput(
      `${where}: at most ${MAX_CONDITIONS} conditions in one filter (each operator of every ` +
        `branch counts), got ${conditions}: use \`in\` lists for alternatives on one field`,
      path,
    );
  }
  if (values > MAX_CONDITION_VALUES) {
    throw badUserInput(
      `${where}: at most ${MAX_CONDITION_VALUES} values in the lists of one filter, got ${values}`,
      path,
    );
  }
}

/**
 * Walks a condition input (a filter, a `having`): `and`/`or`/`not` combine nested inputs the
 * same way everywhere; every other key goes to `compileField`. Returns the SQL condition, or
 * `null` when the input constrains nothing. Nesting deeper than `maxDepth` is refused.
 */
export function compileBooleanCondition(
  input: ConditionInput | null | undefined,
  path: readonly string[],
  maxDepth: number,
  compileField: (
    key: string,
    value: unknown,
    path: readonly string[],
    depth: number,
  ) => string | null,
  depth = 0,
): string | null {
  if (!input) return null;
  if (depth === 0) checkConditionBounds(input, path);
  if (depth > maxDepth) {
    throw badUserInput(`${path.join('.')}: conditions nest at most ${maxDepth} levels deep`, path);
  }
  const nested = (item: ConditionInput, at: readonly string[]) =>
    compileBooleanCondition(item, at, maxDepth, compileField, depth + 1);
  const conditions: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    const here = [...path, key];
    if (key === 'and' || key === 'or') {
      const parts = (value as ConditionInput[])
        .map((item, index) => nested(item, [...here, String(index)]))
        .map((part) => part ?? '1 = 1');
      if (parts.length > 0) conditions.push(`(${parts.join(key === 'and' ? ' AND ' : ' OR ')})`);
      else if (key === 'or') conditions.push('1 = 0'); // an empty OR matches nothing
    } else if (key === 'not') {
      const inner = nested(value as ConditionInput, here);
      if (inner) conditions.push(`NOT (${inner})`);
    } else {
      const condition = compileField(key, value, here, depth);
      if (condition) conditions.push(condition);
    }
  }
  return conditions.length > 0 ? conditions.join(' AND ') : null;
}
