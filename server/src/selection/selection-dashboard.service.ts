import { compareDecimals } from '../core/scaled-decimal';
import { readRows } from '../database/database';
import { hydrate } from '../database/query/hydrate';
import { referenceList, relatedList } from '../graphql/connection.service';
import type { GraphQLContext } from '../graphql/context';
import { Pole } from '../pole/pole.entity';
import { PoleStatus } from '../pole/pole.enums';
import { loadPoleIndicators } from '../pole/pole-indicators.service';
import type { PoleIndicators } from '../pole/pole-indicators.types';
import type { Criterion } from './criterion.entity';
import type { Evaluation } from './evaluation.entity';
import type { LabellingDecision } from './labelling-decision.entity';
import { CRITERION_COLLECTION, LABELLING_PHASE_COLLECTION } from './labelling-phase.collection';
import type { LabellingPhase } from './labelling-phase.entity';
import {
  averageScoresByPoleIdLoader,
  evaluationsByPoleIdLoader,
  labellingDecisionByPoleIdLoader,
} from './selection-dashboard.loaders';
import { criterionValue, runningPhaseOf } from './selection-dashboard.rules';
import { CriterionAssessment, SelectionDashboard, SelectionRow } from './selection-dashboard.types';

/** Pole names in French alphabetical order, the same on both databases (collations differ). */
const POLE_NAME_ORDER = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * The year whose indicators the dashboard shows: the phase's last year, but no later than the
 * current year while the phase runs, and no earlier than its first year, so that the projects
 * counted are the phase's own.
 */
export function indicatorsYearOf(
  phase: Pick<LabellingPhase, 'startYear' | 'endYear'>,
  today = new Date(),
): number {
  return Math.max(phase.startYear, Math.min(phase.endYear, today.getUTCFullYear()));
}

/**
 * The dashboard of phase `number` (by default the running one, see `runningPhaseOf`), or null
 * when there is no such phase.
 */
export async function selectionDashboard(
  context: GraphQLContext,
  number: number | null | undefined,
): Promise<SelectionDashboard | null> {
  const phases = await referenceList<LabellingPhase>(context, LABELLING_PHASE_COLLECTION);
  const phase =
    number === null || number === undefined
      ? runningPhaseOf(phases)
      : phases.find((candidate) => candidate.number === number);
  if (!phase) return null;
  return Object.assign(new SelectionDashboard(), {
    phase,
    indicatorsYear: indicatorsYearOf(phase),
  });
}

/** The phase's criteria, through the same loader as `LabellingPhase.criteria`. */
export function phaseCriteria(
  context: GraphQLContext,
  phase: LabellingPhase,
): Promise<Criterion[]> {
  return relatedList<Criterion, 'Criterion'>(context, CRITERION_COLLECTION, 'phase', phase.id);
}

/**
 * The poles in the running for the phase, by name: those evaluated or decided on in the
 * phase (as far as the caller may see evaluations and decisions), and those labelled today.
 * One statement, which also tells whether the caller may read each pole's confidential figures.
 */
export async function selectionRows(
  { dataSource, access }: GraphQLContext,
  dashboard: SelectionDashboard,
): Promise<SelectionRow[]> {
  const { phase } = dashboard;
  const poleVisible = andCondition(access.rows('Pole', 'p'));
  const evaluationVisible = andCondition(access.rows('Evaluation', 'e'));
  const decisionVisible = andCondition(access.rows('LabellingDecision', 'd'));
  const detail = access.detail('Pole', 'p') ?? '1 = 1';
  const rows = (await readRows(
    dataSource,
    `SELECT p.*, CASE WHEN ${detail} THEN 1 ELSE 0 END AS \`detailVisible\` FROM \`pole\` p ` +
      'WHERE (p.`status` = ? ' +
      'OR p.`id` IN (SELECT e.`poleId` FROM `evaluation` e ' +
      `WHERE e.\`phaseId\` = ?${evaluationVisible}) ` +
      'OR p.`id` IN (SELECT d.`poleId` FROM `labelling_decision` d ' +
      `WHERE d.\`phaseId\` = ?${decisionVisible}))${poleVisible}`,
    [PoleStatus.LABELLED, phase.id, phase.id],
  )) as Record<string, unknown>[];
  const poles = hydrate(dataSource, Pole, rows);
  const rowsOf = poles.map((pole, index) =>
    Object.assign(new SelectionRow(), {
      pole,
      phase,
      indicatorsYear: dashboard.indicatorsYear,
      detailVisible: Number(rows[index].detailVisible) === 1,
    }),
  );
  return rowsOf.sort(
    (a, b) => POLE_NAME_ORDER.compare(a.pole.name, b.pole.name) || a.pole.id - b.pole.id,
  );
}

/** ` AND <condition>`, or '' when there is no condition. */
function andCondition(condition: string | null): string {
  return condition ? ` AND ${condition}` : '';
}

export function rowIndicators(context: GraphQLContext, row: SelectionRow): Promise<PoleIndicators> {
  return loadPoleIndicators(context, row.pole.id, row.indicatorsYear);
}

export function rowEvaluations(context: GraphQLContext, row: SelectionRow): Promise<Evaluation[]> {
  return evaluationsByPoleIdLoader(context, row.phase).load(row.pole.id);
}

export function rowDecision(
  context: GraphQLContext,
  row: SelectionRow,
): Promise<LabellingDecision | null> {
  return labellingDecisionByPoleIdLoader(context, row.phase).load(row.pole.id);
}

/**
 * The pole against every criterion of the phase: its indicator, or for a SCORE criterion the
 * average of its scores, compared with the threshold.
 */
export async function rowCriteria(
  context: GraphQLContext,
  row: SelectionRow,
): Promise<CriterionAssessment[]> {
  const [criteria, indicators, averages] = await Promise.all([
    phaseCriteria(context, row.phase),
    rowIndicators(context, row),
    averageScoresByPoleIdLoader(context, row.phase).load(row.pole.id),
  ]);
  return criteria.map((criterion) => {
    const { value, valueStatus } = criterionValue(
      criterion,
      indicators,
      averages,
      row.detailVisible,
    );
    return Object.assign(new CriterionAssessment(), {
      criterion,
      value,
      valueStatus,
      threshold: criterion.threshold,
      met: value === null ? null : compareDecimals(value, criterion.threshold) >= 0,
    });
  });
}
