import type { DataSource } from 'typeorm';

import { DomainError } from '../core/domain-error';
import { SqlBuilder } from '../database/query/sql-builder';
import { dialectOf } from '../database/query/sql-dialect';
import { compileHaving, groupLimit, type HavingSpec, statsOrderClause } from './having-compiler';

const SPEC: HavingSpec = {
  count: { expression: 'COUNT(*)', kind: 'int' },
  sum: {
    totalBudget: { expression: 'SUM(x.`totalBudget`)', kind: 'decimal' },
    granted: { expression: 'SUM(x.`granted`)', kind: 'decimal' },
  },
};

function compiled(having: Record<string, unknown>, kind: 'sqlite' | 'mysql' = 'mysql') {
  const type = kind === 'sqlite' ? 'better-sqlite3' : 'mysql';
  const sql = new SqlBuilder(dialectOf({ options: { type } } as DataSource));
  return { text: compileHaving(SPEC, having, sql), params: sql.params };
}

describe('compileHaving', () => {
  it('constrains nothing without conditions', () => {
    expect(compiled({}).text).toBeNull();
    expect(compiled({ count: {}, sum: { totalBudget: null } }).text).toBeNull();
  });

  it('compares a count with plain parameters', () => {
    expect(compiled({ count: { gte: 2, notIn: [5, 6] } })).toEqual({
      text: 'COUNT(*) >= ? AND (COUNT(*) NOT IN (?, ?) OR COUNT(*) IS NULL)',
      params: [2, 5, 6],
    });
  });

  it('compares decimal sums with cast parameters, as numbers on both databases', () => {
    expect(compiled({ sum: { totalBudget: { gt: '1000.50' } } }, 'mysql').text).toBe(
      'SUM(x.`totalBudget`) > CAST(? AS DECIMAL(24,6))',
    );
    expect(compiled({ sum: { granted: { in: ['1', '2'] } } }, 'sqlite')).toEqual({
      text: 'SUM(x.`granted`) IN (CAST(? AS REAL), CAST(? AS REAL))',
      params: ['1', '2'],
    });
  });

  it('combines and, or and not as filters do', () => {
    expect(
      compiled({ or: [{ count: { eq: 1 } }, { not: { sum: { granted: { isNull: true } } } }] })
        .text,
    ).toBe('(COUNT(*) = ? OR NOT (SUM(x.`granted`) IS NULL))');
  });

  it('refuses text operators, which aggregates do not have', () => {
    expect(() => compiled({ count: { contains: '1' } })).toThrow(
      'Unknown operator "contains" at having.count',
    );
  });

  it('refuses more than 500 values in one list', () => {
    const values = Array.from({ length: 501 }, (_, index) => index);
    expect(() => compiled({ count: { in: values } })).toThrow(DomainError);
  });
});

describe('statsOrderClause', () => {
  const sortable = new Map<string, string | null>([
    ['COUNT', '`count`'],
    ['REGION', '`k0`'],
    ['POLE', null],
  ]);

  it('sorts by the fields asked, then by every group key ascending', () => {
    expect(statsOrderClause([{ field: 'COUNT', direction: 'DESC' }], sortable, ['`k0`'])).toBe(
      ' ORDER BY `count` DESC, `k0` ASC',
    );
    expect(statsOrderClause(null, sortable, [])).toBe('');
  });

  it('refuses a group key that was not grouped on, naming the order item', () => {
    expect(() => statsOrderClause([{ field: 'POLE' }], sortable, ['`k0`'])).toThrow(
      'orderBy.0.field: POLE is not in groupBy; group by it or sort on another field',
    );
  });
});

describe('groupLimit', () => {
  it('takes the default when first is absent, and refuses more than 1000 groups', () => {
    expect(groupLimit(undefined, 100)).toBe(100);
    expect(groupLimit(0, 100)).toBe(0);
    expect(() => groupLimit(1001, 100)).toThrow(/first must be between 0 and 1000/);
  });
});
