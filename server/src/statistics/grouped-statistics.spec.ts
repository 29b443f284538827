import type { DataSource } from 'typeorm';

import { UNRESTRICTED } from '../database/query/sql-builder';
import { groupedStatistics, groupKeyColumns } from './grouped-statistics';

const statements: { text: string; params: readonly unknown[] }[] = [];
jest.mock('../database/database', () => ({
  readRows: (_dataSource: unknown, text: string, params: readonly unknown[]) => {
    statements.push({ text, params });
    return Promise.resolve([{ k0: 'B', k1: 2024, count: 3 }]);
  },
}));

const mysql = { options: { type: 'mysql' } } as DataSource;
type Key = 'REGION' | 'YEAR' | 'STATUS';
const KEY_ORDER: readonly Key[] = ['STATUS', 'REGION', 'YEAR'];

/** Groups rows `r` of a table, with a count that `having` and `orderBy` may name. */
function run(request: Parameters<typeof groupedStatistics<Key>>[2]) {
  statements.length = 0;
  return groupedStatistics(
    mysql,
    UNRESTRICTED,
    request,
    { keyOrder: KEY_ORDER, defaultGroups: 100 },
    (sql, grouped) => {
      const row = sql.alias();
      const expressions: Record<Key, string> = {
        STATUS: `${row}.status`,
        REGION: `${row}.regionId`,
        YEAR: `YEAR(${row}.day)`,
      };
      const keys = groupKeyColumns(grouped, (key) => expressions[key]);
      const inner = `SELECT ${[...keys, `${row}.id AS id`].join(', ')} FROM t ${row}`;
      const rows = sql.alias('x');
      return {
        from: `(${inner}) ${rows}`,
        rows,
        measures: { count: { expression: 'COUNT(*)', kind: 'int' } },
        orderFields: [['COUNT', '`count`']],
      };
    },
  );
}

describe('groupedStatistics', () => {
  it('groups on the keys asked, in the fixed key order, then HAVING, ORDER BY and LIMIT', async () => {
    const groups = await run({
      groupBy: ['YEAR', 'REGION'],
      having: { count: { gte: 2 } },
      orderBy: [{ field: 'COUNT', direction: 'DESC' }],
      first: 10,
    });
    expect(statements).toEqual([
      {
        text:
          'SELECT x1.`k0` AS `k0`, x1.`k1` AS `k1`, COUNT(*) AS `count` FROM (SELECT ' +
          't0.regionId AS `k0`, YEAR(t0.day) AS `k1`, t0.id AS id FROM t t0) x1 GROUP BY x1.`k0`, x1.`k1` ' +
          'HAVING COUNT(*) >= ? ORDER BY `count` DESC, `k0` ASC, `k1` ASC LIMIT ?',
        params: [2, 10],
      },
    ]);
    expect(
      groups.map(({ key, values }) => [key('REGION'), key('YEAR'), key('STATUS'), values.count]),
    ).toEqual([['B', 2024, null, 3]]);
  });

  it('counts everything in one group without groupBy, and takes the default limit', async () => {
    await run({ groupBy: [] });
    expect(statements[0]).toEqual({
      text: 'SELECT COUNT(*) AS `count` FROM (SELECT t0.id AS id FROM t t0) x1 LIMIT ?',
      params: [100],
    });
  });

  it('refuses to sort on a key it did not group on', async () => {
    await expect(run({ groupBy: ['YEAR'], orderBy: [{ field: 'REGION' }] })).rejects.toThrow(
      'orderBy.0.field: REGION is not in groupBy; group by it or sort on another field',
    );
  });
});
