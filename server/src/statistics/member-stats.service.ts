import type { DataSource } from 'typeorm';

import { compileFilter } from '../database/query/filter-compiler';
import type { KeptRows } from '../database/query/kept-reads';
import type { AccessScope } from '../database/query/sql-builder';
import { MEMBER_COLLECTION } from '../member/member.collection';
import type { MemberCategory } from '../member/member.enums';
import {
  type GroupedRequest,
  groupedStatistics,
  groupKeyColumns,
  nullableInt,
} from './grouped-statistics';
import { MemberGroupBy, type MemberStatsGroup, MemberStatsOrderField } from './member-stats.types';

export interface MemberStatsRequest extends GroupedRequest<MemberGroupBy> {
  filter?: Record<string, unknown> | null;
}

const DEFAULT_GROUPS = 100;
const SHARE_SCALE = 10_000; // four decimals

/**
 * Members grouped by category, region, pole and year of joining, with each group's count and
 * its share of every member matching the filter, in ONE statement: the denominator is a
 * derived table over the same filter, cross-joined to the groups.
 */
export async function memberStats(
  dataSource: DataSource,
  request: MemberStatsRequest,
  access: AccessScope,
  kept?: KeptRows,
): Promise<MemberStatsGroup[]> {
  const groups = await groupedStatistics(
    dataSource,
    access,
    request,
    { keyOrder: Object.values(MemberGroupBy), defaultGroups: DEFAULT_GROUPS },
    (sql, grouped) => {
      const member = sql.alias();
      let joins = '';
      const keyExpressions = new Map<MemberGroupBy, string>();
      if (grouped.includes(MemberGroupBy.POLE) || grouped.includes(MemberGroupBy.JOIN_YEAR)) {
        // Both read the active memberships: a member without one has no pole and no join year.
        const membership = sql.alias('ms');
        joins =
          ` JOIN \`membership\` ${membership} ON ${membership}.\`memberId\` = ${member}.\`id\`` +
          ` AND ${membership}.\`endDate\` IS NULL`;
        keyExpressions.set(MemberGroupBy.POLE, `${membership}.\`poleId\``);
        keyExpressions.set(
          MemberGroupBy.JOIN_YEAR,
          sql.dialect.year(`${membership}.\`startDate\``),
        );
      }
      keyExpressions.set(MemberGroupBy.CATEGORY, `${member}.\`category\``);
      keyExpressions.set(MemberGroupBy.REGION, `${member}.\`regionId\``);

      // Parameters are collected in textual order: the groups' WHERE, then the denominator's.
      const condition = compileFilter(MEMBER_COLLECTION, request.filter ?? null, member, sql, [
        'filter',
      ]);
      const inner = `SELECT ${[
        ...groupKeyColumns(grouped, (key) => keyExpressions.get(key)!),
        `${member}.\`id\` AS \`member\``,
      ].join(', ')} FROM \`member\` ${member}${joins}${condition ? ` WHERE ${condition}` : ''}`;

      const everyMember = sql.alias();
      const totalCondition = compileFilter(
        MEMBER_COLLECTION,
        request.filter ?? null,
        everyMember,
        sql,
        ['filter'],
      );
      const denominator =
        `SELECT COUNT(*) AS \`total\` FROM \`member\` ${everyMember}` +
        (totalCondition ? ` WHERE ${totalCondition}` : '');

      const rows = sql.alias('x');
      const totals = sql.alias('n');
      return {
        from: `(${inner}) ${rows} CROSS JOIN (${denominator}) ${totals}`,
        rows,
        // A member with two active memberships of one pole must still count once.
        measures: { count: { expression: `COUNT(DISTINCT ${rows}.\`member\`)`, kind: 'int' } },
        extraSelects: [`MAX(${totals}.\`total\`) AS \`total\``],
        orderFields: [[MemberStatsOrderField.COUNT, '`count`']],
      };
    },
    kept,
  );

  return groups.map(({ key, values }) => {
    const groupCount = Number(values.count);
    const category = key(MemberGroupBy.CATEGORY);
    return {
      key: {
        category: category == null ? null : (String(category) as MemberCategory),
        regionId: nullableInt(key(MemberGroupBy.REGION)),
        poleId: nullableInt(key(MemberGroupBy.POLE)),
        joinYear: nullableInt(key(MemberGroupBy.JOIN_YEAR)),
      },
      count: groupCount,
      share: share(groupCount, Number(values.total ?? 0)),
    };
  });
}

/**
 * count / total with four decimals, rounded half up in integers, so both databases give the
 * same digits (SQLite divides in floats, MySQL in decimals).
 */
export function share(count: number, total: number): string {
  if (total <= 0) return '0.0000';
  const scaled = Math.floor((2 * count * SHARE_SCALE + total) / (2 * total));
  return `${Math.floor(scaled / SHARE_SCALE)}.${String(scaled % SHARE_SCALE).padStart(4, '0')}`;
}
