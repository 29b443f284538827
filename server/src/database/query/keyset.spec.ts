import type { CollectionSpec } from './collection-spec';
import {
  decodeCursor,
  encodeCursor,
  keysetCondition,
  orderClause,
  orderSignature,
  type OrderTerm,
} from './keyset';
import type { SqlBuilder } from './sql-builder';

/** A builder that numbers its parameters, so a condition reads as SQL with its values. */
function builder(): { sql: SqlBuilder; params: unknown[] } {
  const params: unknown[] = [];
  const sql = {
    param: (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    },
  } as unknown as SqlBuilder;
  return { sql, params };
}

const byNameThenId: OrderTerm[] = [
  { key: 'name', expression: 'fold(p.name)', nullable: false, direction: 'ASC' },
  { key: 'id', expression: 'p.`id`', nullable: false, direction: 'ASC' },
];
const newestFirst: OrderTerm[] = [
  { key: 'submittedOn', expression: 'p.submittedOn', nullable: true, direction: 'DESC' },
  { key: 'id', expression: 'p.`id`', nullable: false, direction: 'DESC' },
];
const byDecision: OrderTerm[] = [
  { key: 'decisionOn', expression: 'p.decisionOn', nullable: true, direction: 'ASC' },
  { key: 'id', expression: 'p.`id`', nullable: false, direction: 'ASC' },
];

describe('keysetCondition', () => {
  it('selects the rows after the cursor’s row: (a > x) OR (a = x AND id > y)', () => {
    const { sql, params } = builder();
    expect(keysetCondition(byNameThenId, ['lyon', 12], true, sql)).toBe(
      '((fold(p.name) > $1) OR (fold(p.name) = $2 AND p.`id` > $3))',
    );
    expect(params).toEqual(['lyon', 'lyon', 12]);
  });

  it('turns the comparisons around for descending terms and for the rows before', () => {
    expect(keysetCondition(byNameThenId, ['lyon', 12], false, builder().sql)).toBe(
      '((fold(p.name) < $1) OR (fold(p.name) = $2 AND p.`id` < $3))',
    );
  });

  describe('on a nullable term, NULL being below every value', () => {
    it('after a value: above it; before a value: below it or NULL', () => {
      const { sql, params } = builder();
      expect(keysetCondition(byDecision, ['2024-05-01', 3], true, sql)).toBe(
        '((p.decisionOn > $1) OR (p.decisionOn = $2 AND p.`id` > $3))',
      );
      expect(params).toEqual(['2024-05-01', '2024-05-01', 3]);
      expect(keysetCondition(byDecision, ['2024-05-01', 3], false, builder().sql)).toBe(
        '(((p.decisionOn < $1 OR p.decisionOn IS NULL)) OR (p.decisionOn = $2 AND p.`id` < $3))',
      );
    });

    it('after NULL: every value, and the NULLs of higher id', () => {
      const { sql, params } = builder();
      expect(keysetCondition(byDecision, [null, 3], true, sql)).toBe(
        '((p.decisionOn IS NOT NULL) OR (p.decisionOn IS NULL AND p.`id` > $1))',
      );
      expect(params).toEqual([3]);
    });

    it('before NULL: only the NULLs of lower id, nothing being below NULL', () => {
      const { sql, params } = builder();
      expect(keysetCondition(byDecision, [null, 3], false, sql)).toBe(
        '((p.decisionOn IS NULL AND p.`id` < $1))',
      );
      expect(params).toEqual([3]);
    });

    it('descending: after a value comes what is below it, NULLs last', () => {
      expect(keysetCondition(newestFirst, ['2024-05-01', 3], true, builder().sql)).toBe(
        '(((p.submittedOn < $1 OR p.submittedOn IS NULL)) OR (p.submittedOn = $2 AND p.`id` < $3))',
      );
      expect(keysetCondition(newestFirst, [null, 3], true, builder().sql)).toBe(
        '((p.submittedOn IS NULL AND p.`id` < $1))',
      );
      expect(keysetCondition(newestFirst, [null, 3], false, builder().sql)).toBe(
        '((p.submittedOn IS NOT NULL) OR (p.submittedOn IS NULL AND p.`id` > $1))',
      );
    });
  });

  it('matches nothing when no row can be beyond the cursor', () => {
    const [decision] = byDecision;
    expect(keysetCondition([decision], [null], false, builder().sql)).toBe('(1 = 0)');
  });
});

/** Every row (x: the sort value, null included; id) sorted ascending as both databases do. */
describe('keysetCondition, evaluated', () => {
  type Row = { x: number | null; id: number };
  const rows: Row[] = [
    { x: null, id: 1 },
    { x: null, id: 4 },
    { x: 1, id: 2 },
    { x: 1, id: 5 },
    { x: 2, id: 3 },
  ];
  /** Evaluates the condition in JavaScript, with SQL's NULL comparisons (unknown is false). */
  function matches(condition: string, params: unknown[], row: Row): boolean {
    let index = 0;
    const js = condition
      .replace(/\$\d+/g, () => JSON.stringify(params[index++]))
      .replace(/x IS NOT NULL/g, '(x !== null)')
      .replace(/x IS NULL/g, '(x === null)')
      .replace(
        /x ([<>=]) (-?\d+)/g,
        (_all, op: string, value: string) =>
          `(x !== null && x ${op === '=' ? '===' : op} ${value})`,
      )
      .replace(/ AND /g, ' && ')
      .replace(/ OR /g, ' || ');
    return (new Function('x', 'id', `return ${js};`) as (x: unknown, id: number) => boolean)(
      row.x,
      row.id,
    );
  }

  it.each(['ASC', 'DESC'] as const)(
    'gives exactly the rows after and before each row, %s',
    (direction) => {
      const terms: OrderTerm[] = [
        { key: 'x', expression: 'x', nullable: true, direction },
        { key: 'id', expression: 'id', nullable: false, direction },
      ];
      const ordered = direction === 'ASC' ? rows : [...rows].reverse();
      ordered.forEach((cursor, position) => {
        for (const after of [true, false]) {
          const { sql, params } = builder();
          const condition = keysetCondition(terms, [cursor.x, cursor.id], after, sql);
          const expected = after ? ordered.slice(position + 1) : ordered.slice(0, position);
          expect(ordered.filter((row) => matches(condition, params, row))).toEqual(expected);
        }
      });
    },
  );
});

describe('orderClause', () => {
  it('orders by every term, reversed for `last`', () => {
    expect(orderClause(newestFirst)).toBe('p.submittedOn DESC, p.`id` DESC');
    expect(orderClause(newestFirst, true)).toBe('p.submittedOn ASC, p.`id` ASC');
  });
});

describe('cursors', () => {
  const spec = { typeName: 'Project' } as CollectionSpec;
  const signature = orderSignature(spec, newestFirst);

  it('give back the values they were made of, for the same ordering', () => {
    const cursor = encodeCursor(signature, ['2024-05-01', 3]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, signature, 2, 'after')).toEqual(['2024-05-01', 3]);
    expect(decodeCursor(encodeCursor(signature, [null, 3]), signature, 2, 'after')).toEqual([
      null,
      3,
    ]);
  });

  it('differ between orderings, and a cursor of another ordering is refused', () => {
    expect(orderSignature(spec, byNameThenId)).not.toBe(signature);
    const other = encodeCursor(orderSignature(spec, byNameThenId), ['lyon', 12]);
    expect(() => decodeCursor(other, signature, 2, 'after')).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('another `orderBy`'),
      }),
    );
  });

  it.each([
    ['not base64url', 'not a cursor!'],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['the wrong number of values', encodeCursor('x', [1])],
    ['an object among the values', Buffer.from(JSON.stringify(['s', {}, 1])).toString('base64url')],
    ['too long', 'a'.repeat(2001)],
  ])('refuses a cursor that is %s, naming the argument', (_label, cursor) => {
    expect(() => decodeCursor(cursor, 's', 2, 'after')).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/^after: /),
      }),
    );
  });
});
