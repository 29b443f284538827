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
  { key: 'name', expression: 'fold(p.name)', direction: 'ASC' },
  { key: 'id', expression: 'p.`id`', direction: 'ASC' },
];
const newestFirst: OrderTerm[] = [
  { key: 'submittedOn', expression: "COALESCE(p.submittedOn, '')", direction: 'DESC' },
  { key: 'id', expression: 'p.`id`', direction: 'DESC' },
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
    expect(keysetCondition(newestFirst, ['2024-05-01', 3], true, builder().sql)).toBe(
      "((COALESCE(p.submittedOn, '') < $1) OR (COALESCE(p.submittedOn, '') = $2 AND p.`id` < $3))",
    );
    expect(keysetCondition(byNameThenId, ['lyon', 12], false, builder().sql)).toBe(
      '((fold(p.name) < $1) OR (fold(p.name) = $2 AND p.`id` < $3))',
    );
  });
});

describe('orderClause', () => {
  it('orders by every term, reversed for `last`', () => {
    expect(orderClause(newestFirst)).toBe("COALESCE(p.submittedOn, '') DESC, p.`id` DESC");
    expect(orderClause(newestFirst, true)).toBe("COALESCE(p.submittedOn, '') ASC, p.`id` ASC");
  });
});

describe('cursors', () => {
  const spec = { typeName: 'Project' } as CollectionSpec;
  const signature = orderSignature(spec, newestFirst);

  it('give back the values they were made of, for the same ordering', () => {
    const cursor = encodeCursor(signature, ['2024-05-01', 3]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, signature, 2, 'after')).toEqual(['2024-05-01', 3]);
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
