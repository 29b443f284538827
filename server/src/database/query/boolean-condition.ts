import { badUserInput } from '../../core/domain-error';

type ConditionInput = Record<string, unknown>;

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
