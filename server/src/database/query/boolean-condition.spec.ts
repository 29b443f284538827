import { DomainError } from '../../core/domain-error';
import {
  checkConditionBounds,
  compileBooleanCondition,
  MAX_CONDITION_NESTING,
  MAX_CONDITION_VALUES,
  MAX_CONDITIONS,
} from './boolean-condition';

/** Each field compiles to `key=value` and remembers the path and depth it was reached at. */
function compile(input: Record<string, unknown> | null, maxDepth = 8) {
  const seen: { path: readonly string[]; depth: number }[] = [];
  const text = compileBooleanCondition(input, ['filter'], maxDepth, (key, value, path, depth) => {
    seen.push({ path, depth });
    return value === 'skip' ? null : `${key}=${String(value)}`;
  });
  return { text, seen };
}

describe('compileBooleanCondition', () => {
  it('joins fields with AND and skips null, undefined and empty fields', () => {
    expect(compile({ a: 1, b: null, c: undefined, d: 'skip', e: 2 }).text).toBe('a=1 AND e=2');
    expect(compile(null).text).toBeNull();
    expect(compile({}).text).toBeNull();
  });

  it('brackets and/or, negates not, and reads an empty branch as true', () => {
    expect(compile({ or: [{ a: 1 }, { b: 2, c: 3 }], not: { d: 4 } }).text).toBe(
      '(a=1 OR b=2 AND c=3) AND NOT (d=4)',
    );
    expect(compile({ and: [{}, { a: 1 }] }).text).toBe('(1 = 1 AND a=1)');
    expect(compile({ not: {} }).text).toBeNull();
  });

  it('matches nothing with an empty or, and constrains nothing with an empty and', () => {
    expect(compile({ or: [] }).text).toBe('1 = 0');
    expect(compile({ and: [] }).text).toBeNull();
  });

  it('hands each field its path and depth', () => {
    expect(compile({ or: [{ a: 1 }], not: { b: 2 } }).seen).toEqual([
      { path: ['filter', 'or', '0', 'a'], depth: 1 },
      { path: ['filter', 'not', 'b'], depth: 1 },
    ]);
  });

  it('refuses nesting past maxDepth, naming where', () => {
    expect(() => compile({ not: { not: { a: 1 } } }, 1)).toThrow(
      'filter.not.not: conditions nest at most 1 levels deep',
    );
  });
});

describe('checkConditionBounds', () => {
  it('accepts an input within every bound', () => {
    expect(() =>
      checkConditionBounds({ a: { in: [1, 2] }, or: [{ b: { eq: 1 } }] }, ['f']),
    ).not.toThrow();
  });

  it(`refuses more than ${MAX_CONDITIONS} operators, counting every branch`, () => {
    const or = Array.from({ length: MAX_CONDITIONS + 1 }, (_, index) => ({ a: { eq: index } }));
    expect(() => checkConditionBounds({ or }, ['filter'])).toThrow(
      new RegExp(`at most ${MAX_CONDITIONS} conditions in one filter .*got ${MAX_CONDITIONS + 1}`),
    );
  });

  it(`refuses more than ${MAX_CONDITION_VALUES} list values in all`, () => {
    const values = Array.from({ length: 500 }, (_, index) => index);
    const or = Array.from({ length: 11 }, () => ({ a: { in: values } }));
    expect(() => checkConditionBounds({ or }, ['filter'])).toThrow(DomainError);
  });

  it(`refuses nesting past ${MAX_CONDITION_NESTING} levels without exhausting the stack`, () => {
    let input: Record<string, unknown> = { a: { eq: 1 } };
    for (let level = 0; level < 100_000; level += 1) input = { not: input };
    expect(() => checkConditionBounds(input, ['filter'])).toThrow(
      `filter: conditions nest at most ${MAX_CONDITION_NESTING} levels deep (objects and lists)`,
    );
  });
});
