import type { DataSource } from 'typeorm';

import { formatDecimal } from '../core/scaled-decimal';
import { readRows } from '../database/database';
import { compileFilter } from '../database/query/filter-compiler';
import { visibleThrough } from '../database/query/relation-graph';
import { type AccessScope, SqlBuilder } from '../database/query/sql-builder';
import { dialectOf } from '../database/query/sql-dialect';
import type { ProgrammeLevel } from '../funding-programme/funding-programme.entity';
import { PROJECT_COLLECTION } from '../project/project.collection';
import type { ProjectStatus } from '../project/project.enums';
import {
  type AggregateMeasure,
  compileHaving,
  groupLimit,
  type HavingSpec,
  statsOrderClause,
  type StatsOrderInput,
} from './having-compiler';
import {
  ProjectDateField,
  ProjectGroupBy,
  type ProjectStatsGroup,
  type ProjectStatsKey,
  type ProjectStatsNumbers,
  ProjectStatsOrderField,
} from './project-stats.types';

export interface ProjectStatsRequest {
  filter?: Record<string, unknown> | null;
  groupBy: readonly ProjectGroupBy[];
  dateField?: ProjectDateField | null;
  having?: Record<string, unknown> | null;
  orderBy?: readonly StatsOrderInput[] | null;
  first?: number | null;
  /**
   * Whether `distinctMembers` is asked for; when it is not (and neither `having` nor `orderBy`
   * use it), the partner join it needs is left out. Absent: computed.
   */
  selectsDistinctMembers?: boolean;
}

const DEFAULT_GROUPS = 100;

const MONEY_FIELDS = ['totalBudget', 'publicFundingRequested', 'publicFundingGranted'] as const;
type MoneyField = (typeof MONEY_FIELDS)[number];
const MEASURES = ['sum', 'avg', 'min', 'max'] as const;
type Measure = (typeof MEASURES)[number];

const MONEY_ORDER_NAMES: Record<MoneyField, string> = {
  totalBudget: 'TOTAL_BUDGET',
  publicFundingRequested: 'PUBLIC_FUNDING_REQUESTED',
  publicFundingGranted: 'PUBLIC_FUNDING_GRANTED',
};

const DATE_COLUMNS: Record<ProjectDateField, string> = {
  [ProjectDateField.SUBMITTED]: 'submittedOn',
  [ProjectDateField.DECISION]: 'decisionOn',
  [ProjectDateField.START]: 'startOn',
};

/** Group keys in a fixed order, so the SQL and the default sort do not depend on the caller's order. */
const GROUP_ORDER = Object.values(ProjectGroupBy);

/**
 * Projects grouped by any combination of keys, with counts and sums/averages/extremes of the
 * amounts, in ONE statement (plus the batched lookups of the key records the caller selects).
 *
 * The partner join needed by `distinctMembers` repeats each project once per partner (and the
 * THEME join once per theme), so the statement numbers each project's rows with
 * ROW_NUMBER() OVER (PARTITION BY project[, theme]) and sums only the first: sums stay the
 * projects' sums while COUNT(DISTINCT member) sees every partner, with one scan of the rows.
 */
export async function projectStats(
  dataSource: DataSource,
  request: ProjectStatsRequest,
  access: AccessScope,
): Promise<ProjectStatsGroup[]> {
  const limit = groupLimit(request.first, DEFAULT_GROUPS);
  const sql = new SqlBuilder(dialectOf(dataSource), access);
  const { dialect } = sql;
  const grouped = GROUP_ORDER.filter((key) => request.groupBy.includes(key));

  const project = sql.alias();
  const joins: string[] = [];
  const keyExpressions = new Map<ProjectGroupBy, string>();
  let themeAlias: string | null = null;
  const date = `${project}.\`${DATE_COLUMNS[request.dateField ?? ProjectDateField.SUBMITTED]}\``;
  for (const key of grouped) {
    switch (key) {
      case ProjectGroupBy.STATUS:
        keyExpressions.set(key, `${project}.\`status\``);
        break;
      case ProjectGroupBy.PROGRAMME:
        keyExpressions.set(key, `${project}.\`programmeId\``);
        break;
      case ProjectGroupBy.PROGRAMME_LEVEL: {
        const programme = sql.alias('fp');
        joins.push(
          `JOIN \`funding_programme\` ${programme} ON ${programme}.\`id\` = ${project}.\`programmeId\``,
        );
        keyExpressions.set(key, `${programme}.\`level\``);
        break;
      }
      case ProjectGroupBy.REGION: {
        const leadPole = sql.alias('lp');
        joins.push(`JOIN \`pole\` ${leadPole} ON ${leadPole}.\`id\` = ${project}.\`leadPoleId\``);
        keyExpressions.set(key, `${leadPole}.\`headquartersRegionId\``);
        break;
      }
      case ProjectGroupBy.POLE:
        keyExpressions.set(key, `${project}.\`leadPoleId\``);
        break;
      case ProjectGroupBy.THEME:
        themeAlias = sql.alias('pt');
        // LEFT: a project without a theme still counts, in a group whose theme is null.
        joins.push(
          `LEFT JOIN \`project_theme\` ${themeAlias} ON ${themeAlias}.\`projectId\` = ${project}.\`id\``,
        );
        keyExpressions.set(key, `${themeAlias}.\`themeId\``);
        break;
      case ProjectGroupBy.YEAR:
        keyExpressions.set(key, dialect.year(date));
        break;
      case ProjectGroupBy.QUARTER:
        // The dialect's bucket is year * 10 + quarter; the key is the quarter alone.
        keyExpressions.set(key, `(${dialect.quarter(date)} % 10)`);
        break;
      case ProjectGroupBy.MONTH:
        keyExpressions.set(key, `(${dialect.month(date)} % 100)`);
        break;
    }
  }
  // The partner join repeats each project once per partner; without it each row is one project
  // (or one project and theme), nothing needs de-duplicating and the statement costs a few times
  // less (measured: 170 ms against 20 ms for REGION × YEAR on the national dataset).
  const withPartners =
    request.selectsDistinctMembers !== false ||
    JSON.stringify(request.having ?? null).includes('distinctMembers') ||
    (request.orderBy ?? []).some(
      (order) => order.field === ProjectStatsOrderField.DISTINCT_MEMBERS,
    );
  const partner = sql.alias('pp');
  if (withPartners) {
    joins.push(
      `LEFT JOIN \`project_partner\` ${partner} ON ${partner}.\`projectId\` = ${project}.\`id\``,
    );
  }

  // Parameters are collected in textual order: WHERE, then HAVING, then LIMIT.
  const condition = compileFilter(PROJECT_COLLECTION, request.filter ?? null, project, sql, [
    'filter',
  ]);
  const partition = themeAlias
    ? `${project}.\`id\`, ${themeAlias}.\`themeId\``
    : `${project}.\`id\``;
  const keyColumns = grouped.map((key, index) => `${keyExpressions.get(key)} AS \`k${index}\``);
  const inner =
    `SELECT ${[
      ...keyColumns,
      // Amounts and partners are project detail: the caller's statistics only count what it
      // may see in detail, so no group can reveal a hidden project's figures.
      ...MONEY_FIELDS.map(
        (field) =>
          `${sql.visible('Project', field, project, `${project}.\`${field}\``)} AS \`${field}\``,
      ),
      ...(withPartners
        ? [
            `${visibleThrough(PROJECT_COLLECTION.relations.partner, project, `${partner}.\`memberId\``, sql)} AS \`member\``,
            `ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY ${partner}.\`memberId\`) AS \`rowOfProject\``,
          ]
        : []),
    ].join(', ')} ` +
    `FROM \`project\` ${project} ${joins.join(' ')}${condition ? ` WHERE ${condition}` : ''}`;

  const rows = sql.alias('x');
  const once = (expression: string) =>
    withPartners ? `CASE WHEN ${rows}.\`rowOfProject\` = 1 THEN ${expression} END` : expression;
  const measures: Record<'count' | 'distinctMembers', AggregateMeasure> &
    Record<Measure, Record<MoneyField, AggregateMeasure>> = {
    count: { expression: `COUNT(${once('1')})`, kind: 'int' },
    // Not asked for: 0, never sent (see withPartners).
    distinctMembers: {
      expression: withPartners ? `COUNT(DISTINCT ${rows}.\`member\`)` : '0',
      kind: 'int',
    },
    sum: moneyMeasures((column) => `SUM(${once(column)})`),
    avg: moneyMeasures((column) => `ROUND(AVG(${once(column)}), 2)`),
    // Repeated rows cannot change an extreme, so MIN and MAX need no de-duplication.
    min: moneyMeasures((column) => `MIN(${column})`),
    max: moneyMeasures((column) => `MAX(${column})`),
  };
  function moneyMeasures(
    aggregate: (column: string) => string,
  ): Record<MoneyField, AggregateMeasure> {
    const entries = MONEY_FIELDS.map((field) => [
      field,
      { expression: aggregate(`${rows}.\`${field}\``), kind: 'decimal' },
    ]);
    return Object.fromEntries(entries) as Record<MoneyField, AggregateMeasure>;
  }

  const selects = grouped.map((_, index) => `${rows}.\`k${index}\` AS \`k${index}\``);
  selects.push(
    `${measures.count.expression} AS \`count\``,
    `${measures.distinctMembers.expression} AS \`distinctMembers\``,
  );
  for (const measure of MEASURES) {
    for (const field of MONEY_FIELDS)
      selects.push(`${measures[measure][field].expression} AS \`${measure}_${field}\``);
  }
  const groupColumns = grouped.map((_, index) => `${rows}.\`k${index}\``);
  const having = compileHaving(measures as HavingSpec, request.having, sql, ['having']);

  const sortable = new Map<string, string | null>([
    [ProjectStatsOrderField.COUNT, '`count`'],
    [ProjectStatsOrderField.DISTINCT_MEMBERS, '`distinctMembers`'],
  ]);
  for (const measure of MEASURES) {
    for (const field of MONEY_FIELDS) {
      sortable.set(
        `${measure.toUpperCase()}_${MONEY_ORDER_NAMES[field]}`,
        `\`${measure}_${field}\``,
      );
    }
  }
  for (const key of GROUP_ORDER) {
    const index = grouped.indexOf(key);
    sortable.set(key, index >= 0 ? `\`k${index}\`` : null);
  }
  const order = statsOrderClause(
    request.orderBy,
    sortable,
    grouped.map((_, index) => `\`k${index}\``),
  );

  const text =
    `SELECT ${selects.join(', ')} FROM (${inner}) ${rows}` +
    (groupColumns.length > 0 ? ` GROUP BY ${groupColumns.join(', ')}` : '') +
    (having ? ` HAVING ${having}` : '') +
    `${order} LIMIT ${sql.param(limit)}`;
  const result = (await readRows(dataSource, text, sql.params)) as Record<string, unknown>[];

  return result.map((row) => {
    const keyValue = (key: ProjectGroupBy): unknown => {
      const index = grouped.indexOf(key);
      return index >= 0 ? row[`k${index}`] : null;
    };
    const key: ProjectStatsKey = {
      status: nullableText(keyValue(ProjectGroupBy.STATUS)) as ProjectStatus | null,
      programmeId: nullableInt(keyValue(ProjectGroupBy.PROGRAMME)),
      programmeLevel: nullableText(
        keyValue(ProjectGroupBy.PROGRAMME_LEVEL),
      ) as ProgrammeLevel | null,
      regionId: nullableInt(keyValue(ProjectGroupBy.REGION)),
      poleId: nullableInt(keyValue(ProjectGroupBy.POLE)),
      themeId: nullableInt(keyValue(ProjectGroupBy.THEME)),
      year: nullableInt(keyValue(ProjectGroupBy.YEAR)),
      quarter: nullableInt(keyValue(ProjectGroupBy.QUARTER)),
      month: nullableInt(keyValue(ProjectGroupBy.MONTH)),
    };
    const numbers = (measure: Measure): ProjectStatsNumbers => ({
      totalBudget: formatDecimal(row[`${measure}_totalBudget`], 2),
      publicFundingRequested: formatDecimal(row[`${measure}_publicFundingRequested`], 2),
      publicFundingGranted: formatDecimal(row[`${measure}_publicFundingGranted`], 2),
    });
    return {
      key,
      count: Number(row.count),
      distinctMembers: Number(row.distinctMembers),
      sum: numbers('sum'),
      avg: numbers('avg'),
      min: numbers('min'),
      max: numbers('max'),
    };
  });
}

function nullableInt(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function nullableText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
