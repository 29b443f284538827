import type { DataSource } from 'typeorm';

import { badUserInput } from '../core/domain-error';
import { formatDecimal } from '../core/scaled-decimal';
import { readRows } from '../database/database';
import { hydrate } from '../database/query/hydrate';
import { type AccessScope, SqlBuilder } from '../database/query/sql-builder';
import { dialectOf } from '../database/query/sql-dialect';
import { ProgrammeLevel } from '../funding-programme/funding-programme.entity';
import type { GraphQLContext } from '../graphql/context';
import { MemberCategory } from '../member/member.enums';
import { PROJECT_COLLECTION } from '../project/project.collection';
import { ProjectStatus } from '../project/project.enums';
import { LabellingPhase } from '../selection/labelling-phase.entity';
import { share } from '../statistics/member-stats.service';
import type { PoleIndicators } from './pole-indicators.types';

/** The years indicators can be asked for: the policy started in 2005; beyond 2100 is a typo. */
const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

/** Categories that count as SMEs for the criteria (TPE and PME). */
const SME_CATEGORIES: ReadonlySet<string> = new Set([MemberCategory.MICRO, MemberCategory.SME]);

/** Statuses of a project the pole really accompanied: labelled, and beyond unless it failed. */
const ACCOMPANIED_STATUSES = [
  ProjectStatus.LABELLED,
  ProjectStatus.FUNDED,
  ProjectStatus.IN_PROGRESS,
  ProjectStatus.COMPLETED,
];

/**
 * One pole's indicators for `year`, batched: every pole of the request asking for the same year
 * shares one loader, hence four statements in all (members by category, yearly figures, the
 * phase, the phase's projects), each over every pole at once.
 */
export function loadPoleIndicators(
  { dataSource, loaders, access }: GraphQLContext,
  poleId: number,
  year: number,
): Promise<PoleIndicators> {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw badUserInput(`year must be between ${FIRST_YEAR} and ${LAST_YEAR}, got ${year}`, [
      'year',
    ]);
  }
  return loaders
    .get<number, PoleIndicators>(`poleIndicators:${year}`, (poleIds) =>
      poleIndicatorsOfYear(dataSource, access, year, poleIds),
    )
    .load(poleId);
}

/**
 * The indicators of every pole in `poleIds` for `year`, in the order of `poleIds`, as `access`
 * may see them: figures summed from confidential values only cover the values it may read.
 */
export async function poleIndicatorsOfYear(
  dataSource: DataSource,
  access: AccessScope,
  year: number,
  poleIds: readonly number[],
): Promise<PoleIndicators[]> {
  const [membersByPole, privateShares, phase] = await Promise.all([
    activeMembersByCategory(dataSource, year, poleIds),
    privateFundingShares(dataSource, year, poleIds),
    phaseOfYear(dataSource, year),
  ]);
  const projects = phase ? await phaseProjects(dataSource, access, phase, poleIds) : null;

  return poleIds.map((poleId) => {
    const counts = membersByPole.get(poleId) ?? new Map<string, number>();
    const membersByCategory = Object.values(MemberCategory).map((category) => ({
      category,
      count: counts.get(category) ?? 0,
    }));
    // A member has one category, so the categories' distinct counts add up to the distinct total.
    const activeMembers = membersByCategory.reduce((sum, entry) => sum + entry.count, 0);
    const smeMembers = membersByCategory
      .filter((entry) => SME_CATEGORIES.has(entry.category))
      .reduce((sum, entry) => sum + entry.count, 0);
    const poleProjects = projects?.get(poleId);
    return {
      poleId,
      year,
      activeMembers,
      membersByCategory,
      smeShare: activeMembers > 0 ? share(smeMembers, activeMembers) : null,
      privateFundingShare: privateShares.get(poleId) ?? null,
      phase,
      collaborativeProjects: projects ? (poleProjects?.collaborative ?? 0) : null,
      europeanProjects: projects ? (poleProjects?.european ?? 0) : null,
      fundingRaised: projects ? (poleProjects?.fundingRaised ?? '0.00') : null,
    };
  });
}

/** Active members on 31 December of `year`, per pole and category. */
async function activeMembersByCategory(
  dataSource: DataSource,
  year: number,
  poleIds: readonly number[],
): Promise<Map<number, Map<string, number>>> {
  const sql = new SqlBuilder(dialectOf(dataSource));
  const endOfYear = `${year}-12-31`;
  const rows = (await readRows(
    dataSource,
    'SELECT ms.`poleId` AS `poleId`, m.`category` AS `category`, COUNT(DISTINCT ms.`memberId`) AS `members` ' +
      'FROM `membership` ms JOIN `member` m ON m.`id` = ms.`memberId` ' +
      `WHERE ms.\`poleId\` IN (${sql.paramList(poleIds)}) AND ms.\`startDate\` <= ${sql.param(endOfYear)} ` +
      `AND (ms.\`endDate\` IS NULL OR ms.\`endDate\` >= ${sql.param(endOfYear)}) ` +
      'GROUP BY ms.`poleId`, m.`category`',
    sql.params,
  )) as { poleId: unknown; category: unknown; members: unknown }[];
  const result = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const poleId = Number(row.poleId);
    if (!result.has(poleId)) result.set(poleId, new Map());
    result.get(poleId)!.set(String(row.category), Number(row.members));
  }
  return result;
}

/** The private funding share each pole reported for `year` (one row per pole and year at most). */
async function privateFundingShares(
  dataSource: DataSource,
  year: number,
  poleIds: readonly number[],
): Promise<Map<number, string>> {
  const sql = new SqlBuilder(dialectOf(dataSource));
  const rows = (await readRows(
    dataSource,
    'SELECT py.`poleId` AS `poleId`, py.`privateFundingShare` AS `privateFundingShare` FROM `pole_year` py ' +
      `WHERE py.\`year\` = ${sql.param(year)} AND py.\`poleId\` IN (${sql.paramList(poleIds)})`,
    sql.params,
  )) as { poleId: unknown; privateFundingShare: unknown }[];
  return new Map(
    rows.map((row) => [Number(row.poleId), formatDecimal(row.privateFundingShare, 4)!]),
  );
}

/** The labelling phase whose years contain `year`, or null. */
async function phaseOfYear(dataSource: DataSource, year: number): Promise<LabellingPhase | null> {
  const rows = (await readRows(
    dataSource,
    'SELECT lph.* FROM `labelling_phase` lph WHERE lph.`startYear` <= ? AND lph.`endYear` >= ? ' +
      'ORDER BY lph.`number` LIMIT 1',
    [year, year],
  )) as Record<string, unknown>[];
  return hydrate(dataSource, LabellingPhase, rows)[0] ?? null;
}

interface PhaseProjects {
  collaborative: number;
  european: number;
  fundingRaised: string;
}

/**
 * Projects each pole leads or co-labels, submitted during `phase` and accompanied to the label
 * or beyond, per pole: how many, how many European, and the public funding they obtained —
 * summed over the projects whose funding the caller may read, so that no difference with a
 * visible sum can reveal a hidden grant.
 */
async function phaseProjects(
  dataSource: DataSource,
  access: AccessScope,
  phase: LabellingPhase,
  poleIds: readonly number[],
): Promise<Map<number, PhaseProjects>> {
  const sql = new SqlBuilder(dialectOf(dataSource), access);
  const granted = sql.visible('Project', 'publicFundingGranted', 'p', 'p.`publicFundingGranted`');
  // Parameters in textual order: the SELECT's level first, then the WHERE.
  const text =
    'SELECT pl.b AS `poleId`, COUNT(*) AS `collaborative`, ' +
    `SUM(CASE WHEN fp.\`level\` = ${sql.param(ProgrammeLevel.EUROPEAN)} THEN 1 ELSE 0 END) AS \`european\`, ` +
    `SUM(${granted}) AS \`fundingRaised\` ` +
    // The pairs are a UNION, so a pole both leading and co-labelling a project counts it once.
    `FROM (${PROJECT_COLLECTION.relations.pole.pairs}) pl JOIN \`project\` p ON p.\`id\` = pl.a ` +
    'JOIN `funding_programme` fp ON fp.`id` = p.`programmeId` ' +
    `WHERE pl.b IN (${sql.paramList(poleIds)}) ` +
    `AND p.\`submittedOn\` >= ${sql.param(`${phase.startYear}-01-01`)} ` +
    `AND p.\`submittedOn\` <= ${sql.param(`${phase.endYear}-12-31`)} ` +
    `AND p.\`status\` IN (${sql.paramList(ACCOMPANIED_STATUSES)}) ` +
    'GROUP BY pl.b';
  const rows = (await readRows(dataSource, text, sql.params)) as Record<string, unknown>[];
  return new Map(
    rows.map((row) => [
      Number(row.poleId),
      {
        collaborative: Number(row.collaborative),
        european: Number(row.european),
        fundingRaised: formatDecimal(row.fundingRaised, 2) ?? '0.00',
      },
    ]),
  );
}
