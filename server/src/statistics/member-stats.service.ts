import type { DataSource } from 'typeorm';

import { readRows } from '../database/database';
import { compileFilter } from '../database/query/filter-compiler';
import { type AccessScope, SqlBuilder } from '../database/query/sql-builder';
import { dialectOf } from '../database/query/sql-dialect';
import { MEMBER_COLLECTION } from '../member/member.collection';
import type { MemberCategory } from '../member/member.enums';
import {
  compileHaving,
  groupLimit,
  statsOrderClause,
  type StatsOrderInput,
} from './having-compiler';
import { MemberGroupBy, type MemberStatsGroup, MemberStatsOrderField } from './member-stats.types';

export interface MemberStatsRequest {
  filter?: Record<string, unknown> | null;
  groupBy: readonly MemberGroupBy[];
  having?: Record<string, unknown> | null;
  orderBy?: readonly StatsOrderInput[] | null;
  first?: number | null;
}

const DEFAULT_GROUPS = 100;
const SHARE_SCALE = 10_000; // four decimals

/** Group keys in a fixed order, so the SQL and the default sort do not depend on the caller's order. */
const GROUP_ORDER = Object.values(MemberGroupBy);

/**
 * Members grouped by category, region, pole and year of joining, with each group's count and
 * its share of every member matching the filter, in ONE statement: the denominator is a
 * derived table over the same filter, cross-joined to the groups.
 */
export async function memberStats(
  dataSource: DataSource,
  request: MemberStatsRequest,
  access: AccessScope,
): Promise<MemberStatsGroup[]> {
  const limit = groupLimit(request.first, DEFAULT_GROUPS);
  const sql = new SqlBuilder(dialectOf(dataSource), access);
  const grouped = GROUP_ORDER.filter((key) => request.groupBy.includes(key));

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
    keyExpressions.set(MemberGroupBy.JOIN_YEAR, sql.dialect.year(`${membership}.\`startDate\``));
  }
  keyExpressions.set(MemberGroupBy.CATEGORY, `${member}.\`category\``);
  keyExpressions.set(MemberGroupBy.REGION, `${member}.\`regionId\``);

  // Parameters are collected in textual order: the groups' WHERE, the denominator's, HAVING, LIMIT.
  const condition = compileFilter(MEMBER_COLLECTION, request.filter ?? null, member, sql, [
    'filter',
  ]);
  const inner = `SELECT ${[
    ...grouped.map((key, index) => `${keyExpressions.get(key)} AS \`k${index}\``),
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
  // A member with two active memberships of one pole must still count once.
  const count = { expression: `COUNT(DISTINCT ${rows}.\`member\`)`, kind: 'int' as const };
  const having = compileHaving({ count }, request.having, sql, ['having']);

  const sortable = new Map<string, string | null>([[MemberStatsOrderField.COUNT, '`count`']]);
  for (const key of GROUP_ORDER) {
    const index = grouped.indexOf(key);
    sortable.set(key, index >= 0 ? `\`k${index}\`` : null);
  }
  const order = statsOrderClause(
    request.orderBy,
    sortable,
    grouped.map((_, index) => `\`k${index}\``),
  );
  const groupColumns = grouped.map((_, index) => `${rows}.\`k${index}\``);
  const text =
    `SELECT ${[
      ...groupColumns.map((column, index) => `${column} AS \`k${index}\``),
      `${count.expression} AS \`count\``,
      `MAX(${totals}.\`total\`) AS \`total\``,
    ].join(', ')} FROM (${inner}) ${rows} CROSS JOIN (${denominator}) ${totals}` +
    (groupColumns.length > 0 ? ` GROUP BY ${groupColumns.join(', ')}` : '') +
    (having ? ` HAVING ${having}` : '') +
    `${order} LIMIT ${sql.param(limit)}`;
  const result = (await readRows(dataSource, text, sql.params)) as Record<string, unknown>[];

  return result.map((row) => {
    const keyValue = (key: MemberGroupBy): unknown => {
      const index = grouped.indexOf(key);
      return index >= 0 ? row[`k${index}`] : null;
    };
    const groupCount = Number(row.count);
    return {
      key: {
        category:
          keyValue(MemberGroupBy.CATEGORY) == null
            ? null
            : (String(keyValue(MemberGroupBy.CATEGORY)) as MemberCategory),
        regionId: nullableInt(keyValue(MemberGroupBy.REGION)),
        poleId: nullableInt(keyValue(MemberGroupBy.POLE)),
        joinYear: nullableInt(keyValue(MemberGroupBy.JOIN_YEAR)),
      },
      count: groupCount,
      share: share(groupCount, Number(row.total ?? 0)),
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

function nullableInt(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
