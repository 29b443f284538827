import type { EntityManager } from 'typeorm';

import type { MutationScope } from '../auth/mutation-scope';
import { assertMayWrite } from '../auth/permission-policy';
import { refuse, UserErrorCode } from '../core/refusal';
import { toUnits } from '../core/scaled-decimal';
import { insertRecord, insertRow } from '../database/unit-of-work/insert-record';
import { referencedId, referencedIdByCode } from '../database/unit-of-work/references';
import { checkExpectedVersion, writeAtVersion } from '../database/unit-of-work/upsert-at-version';
import { lockedReads, takeWriteLock } from '../database/unit-of-work/write-lock';
import { Ministry } from '../ministry/ministry.entity';
import { Pole } from '../pole/pole.entity';
import { Region } from '../region/region.entity';
import { ClusterLabel } from './cluster-label.entity';
import { Criterion } from './criterion.entity';
import { Evaluation } from './evaluation.entity';
import { EvaluationScore } from './evaluation-score.entity';
import { LabellingDecision } from './labelling-decision.entity';
import { LabellingPhase } from './labelling-phase.entity';
import {
  ClusterLabelLevel,
  CriterionMeasurement,
  DecisionKind,
  LabellingOutcome,
  PoleIndicator,
} from './selection.enums';
import type {
  CriterionInput,
  DecideLabellingInput,
  OpenLabellingPhaseInput,
  RecordClusterLabelInput,
  RecordEvaluationInput,
} from './selection.input';

/** A GOLD label needs at least this overall score, in hundredths of a percent. */
const GOLD_MINIMUM_SCORE = 80_00;

/** Indicators that are shares from 0 to 1: a threshold above 1 could never be met. */
const SHARE_INDICATORS: ReadonlySet<PoleIndicator> = new Set([
  PoleIndicator.SME_SHARE,
  PoleIndicator.PRIVATE_FUNDING_SHARE,
]);

/** A threshold fits `criterion.threshold`, a DECIMAL(18,4): ≥ 0, 14 digits, 4 decimals. */
const THRESHOLD_PATTERN = /^\d{1,14}(\.\d{1,4})?$/;

async function phaseByNumber(
  manager: EntityManager,
  number: number,
  field: string[],
): Promise<LabellingPhase> {
  const phase = await manager.findOneBy(LabellingPhase, { number });
  if (!phase) refuse(UserErrorCode.NOT_FOUND, field, `No labelling phase has the number ${number}`);
  return phase;
}

/** The criterion's measurement, indicator and threshold agree with one another. */
function checkCriterion(criterion: CriterionInput, field: string[]): void {
  if (criterion.measurement === CriterionMeasurement.INDICATOR && !criterion.indicator) {
    refuse(
      UserErrorCode.INVALID,
      [...field, 'indicator'],
      'An INDICATOR criterion names the indicator it reads',
    );
  }
  if (criterion.measurement === CriterionMeasurement.SCORE && criterion.indicator) {
    refuse(
      UserErrorCode.INVALID,
      [...field, 'indicator'],
      'A SCORE criterion is scored by evaluators and reads no indicator: leave indicator out',
    );
  }
  if (!THRESHOLD_PATTERN.test(criterion.threshold)) {
    refuse(
      UserErrorCode.INVALID,
      [...field, 'threshold'],
      'threshold must be a number ≥ 0 with four decimals at most, e.g. "0.50"; ' +
        `"${criterion.threshold}" is not`,
    );
  }
  const units = toUnits(criterion.threshold, 4);
  if (criterion.measurement === CriterionMeasurement.SCORE && units > 100_0000) {
    refuse(
      UserErrorCode.INVALID,
      [...field, 'threshold'],
      'A SCORE threshold is a score out of 100, at most 100',
    );
  }
  if (criterion.indicator && SHARE_INDICATORS.has(criterion.indicator) && units > 1_0000) {
    refuse(
      UserErrorCode.INVALID,
      [...field, 'threshold'],
      `${criterion.indicator} is a share from 0 to 1: its threshold is at most 1`,
    );
  }
}

/**
 * Opens a labelling phase with its criteria. Its years may not overlap another phase's: the
 * indicators of a year are computed for the one phase that contains it.
 */
export async function openLabellingPhase(
  { manager, audit, caller }: MutationScope,
  input: OpenLabellingPhaseInput,
): Promise<{ phase: LabellingPhase }> {
  assertMayWrite(caller, 'decideLabelling');
  // No constraint can say "years never overlap": phases are opened one at a time, and the
  // checks below read the latest committed phases (a racing opener has finished by then).
  await takeWriteLock(manager, 'labelling_phase');
  if (await manager.existsBy(LabellingPhase, { number: input.number })) {
    refuse(UserErrorCode.DUPLICATE, ['input', 'number'], `Phase ${input.number} exists already`);
  }
  if (input.endYear < input.startYear) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'endYear'],
      `endYear (${input.endYear}) comes before startYear (${input.startYear})`,
    );
  }
  const overlappingQuery = manager
    .createQueryBuilder(LabellingPhase, 'phase')
    .where('phase.startYear <= :endYear AND phase.endYear >= :startYear', {
      startYear: input.startYear,
      endYear: input.endYear,
    })
    .orderBy('phase.number');
  const lockMode = lockedReads(manager);
  if (lockMode) overlappingQuery.setLock(lockMode);
  const overlapping = await overlappingQuery.getOne();
  if (overlapping) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'startYear'],
      `Phase ${overlapping.number} already covers ` +
        `${overlapping.startYear}–${overlapping.endYear}: phases do not overlap`,
    );
  }
  const codes = new Set<string>();
  input.criteria.forEach((criterion, index) => {
    const field = ['input', 'criteria', String(index)];
    if (codes.has(criterion.code)) {
      refuse(
        UserErrorCode.DUPLICATE,
        [...field, 'code'],
        `Two criteria have the code ${criterion.code}`,
      );
    }
    codes.add(criterion.code);
    checkCriterion(criterion, field);
  });

  const phaseId = await insertRow(manager, LabellingPhase, {
    number: input.number,
    name: input.name,
    startYear: input.startYear,
    endYear: input.endYear,
    description: input.description,
  });
  await manager.insert(
    Criterion,
    input.criteria.map((criterion) => ({
      phaseId,
      code: criterion.code,
      name: criterion.name,
      description: criterion.description,
      measurement: criterion.measurement,
      indicator: criterion.indicator ?? null,
      threshold: criterion.threshold,
    })),
  );
  const phase = await manager.findOneByOrFail(LabellingPhase, { id: phaseId });
  audit.record('LabellingPhase', phaseId, null, phase);
  const criteria = await manager.find(Criterion, { where: { phaseId }, order: { id: 'ASC' } });
  for (const criterion of criteria) {
    audit.record('Criterion', criterion.id, null, criterion);
  }
  return { phase };
}

/**
 * A label granted with the phase runs from the phase's first day for its duration, never beyond
 * the phase's last day; no validity without a label.
 */
export function labelValidity(
  phase: Pick<LabellingPhase, 'startYear' | 'endYear'>,
  durationYears: number | null,
): { validFrom: string | null; validUntil: string | null } {
  if (durationYears === null) return { validFrom: null, validUntil: null };
  const lastYear = Math.min(phase.startYear + durationYears - 1, phase.endYear);
  return { validFrom: `${phase.startYear}-01-01`, validUntil: `${lastYear}-12-31` };
}

/** The evaluator: exactly one of a ministry (by code) and a region (by INSEE code). */
async function evaluator(
  manager: EntityManager,
  input: RecordEvaluationInput,
): Promise<{ ministryId: number | null; regionId: number | null }> {
  const { ministryCode, regionCode } = input;
  if (ministryCode != null && regionCode != null) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'regionCode'],
      'An evaluation has one evaluator: give ministryCode or regionCode, not both',
    );
  }
  if (ministryCode != null) {
    const ministryId = await referencedIdByCode(manager, Ministry, ministryCode, [
      'input',
      'ministryCode',
    ]);
    return { ministryId, regionId: null };
  }
  if (regionCode != null) {
    const regionId = await referencedIdByCode(
      manager,
      Region,
      regionCode,
      ['input', 'regionCode'],
      'INSEE code',
    );
    return { ministryId: null, regionId };
  }
  return refuse(
    UserErrorCode.INVALID,
    ['input', 'ministryCode'],
    'Name the evaluator: give ministryCode or regionCode',
  );
}

/** Records an evaluation with its scores, each on a distinct SCORE criterion of the phase. */
export async function recordEvaluation(
  { manager, audit, caller }: MutationScope,
  input: RecordEvaluationInput,
): Promise<{ evaluation: Evaluation }> {
  const poleId = await referencedId(manager, Pole, input.poleId, ['input', 'poleId']);
  const phase = await phaseByNumber(manager, input.phaseNumber, ['input', 'phaseNumber']);
  const by = await evaluator(manager, input);
  const pole = await manager.findOneByOrFail(Pole, { id: poleId });
  assertMayWrite(caller, 'recordEvaluation', {
    poleRegionId: pole.headquartersRegionId,
    evaluatorMinistryId: by.ministryId,
    evaluatorRegionId: by.regionId,
  });
  const phaseCriteria = await manager.find(Criterion, { where: { phaseId: phase.id } });
  const criteria = new Map(phaseCriteria.map((criterion) => [criterion.code, criterion]));
  const scored = new Set<number>();
  const scores = input.scores.map((score, index) => {
    const field = ['input', 'scores', String(index), 'criterionCode'];
    const criterion = criteria.get(score.criterionCode);
    if (!criterion) {
      const scoredCodes = phaseCriteria
        .filter((candidate) => candidate.measurement === CriterionMeasurement.SCORE)
        .map((candidate) => candidate.code);
      refuse(
        UserErrorCode.NOT_FOUND,
        field,
        `Phase ${phase.number} has no criterion ${score.criterionCode}; ` +
          `its SCORE criteria are ${scoredCodes.join(', ') || 'none'}`,
      );
    }
    if (criterion.measurement !== CriterionMeasurement.SCORE) {
      refuse(
        UserErrorCode.INVALID,
        field,
        `${criterion.code} is computed from the data (INDICATOR), not scored`,
      );
    }
    if (scored.has(criterion.id)) {
      refuse(
        UserErrorCode.DUPLICATE,
        field,
        `${criterion.code} is scored twice: score each criterion once`,
      );
    }
    scored.add(criterion.id);
    return { criterionId: criterion.id, score: score.score };
  });

  const evaluationId = await insertRow(manager, Evaluation, {
    poleId,
    phaseId: phase.id,
    ...by,
    evaluatedOn: input.evaluatedOn,
    comments: input.comments,
  });
  if (scores.length > 0) {
    await manager.insert(
      EvaluationScore,
      scores.map((score) => ({ ...score, evaluationId })),
    );
  }
  const evaluation = await manager.findOneByOrFail(Evaluation, { id: evaluationId });
  audit.record('Evaluation', evaluationId, null, evaluation);
  const stored = await manager.find(EvaluationScore, {
    where: { evaluationId },
    order: { id: 'ASC' },
  });
  for (const score of stored) {
    audit.record('EvaluationScore', score.id, null, score);
  }
  return { evaluation };
}

/**
 * Records the State's decision on a pole for a phase: creates it the first time; afterwards
 * updates it, at the version the caller read.
 */
export async function decideLabelling(
  { manager, audit, caller }: MutationScope,
  input: DecideLabellingInput,
): Promise<{ decision: LabellingDecision }> {
  assertMayWrite(caller, 'decideLabelling');
  const poleId = await referencedId(manager, Pole, input.poleId, ['input', 'poleId']);
  const phase = await phaseByNumber(manager, input.phaseNumber, ['input', 'phaseNumber']);
  const existing = await manager.findOneBy(LabellingDecision, {
    poleId,
    phaseId: phase.id,
    kind: DecisionKind.INITIAL,
  });
  const expectedVersion = input.expectedVersion ?? null;
  checkExpectedVersion(LabellingDecision, existing, expectedVersion, {
    exists: (version) =>
      `The pole has a decision for phase ${phase.number} already ` +
      `(version ${version}): send expectedVersion to change it`,
    missing:
      `The pole has no decision for phase ${phase.number} yet: ` +
      'leave expectedVersion out to create it',
  });
  const durationYears = input.durationYears ?? null;
  if (input.outcome === LabellingOutcome.NOT_LABELLED && durationYears !== null) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'durationYears'],
      'A pole that is not labelled is granted no duration: leave durationYears out',
    );
  }
  if (input.outcome !== LabellingOutcome.NOT_LABELLED && durationYears === null) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'durationYears'],
      `A ${input.outcome} decision says for how many years (1 to 4)`,
    );
  }
  const publishedOn = input.publishedOn ?? null;
  if (publishedOn !== null && publishedOn < input.decidedOn) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'publishedOn'],
      `publishedOn (${publishedOn}) comes before decidedOn (${input.decidedOn})`,
    );
  }
  const values = {
    outcome: input.outcome,
    durationYears,
    ...labelValidity(phase, durationYears),
    decidedOn: input.decidedOn,
    publishedOn,
    rationale: input.rationale,
  };
  const decision = await writeAtVersion(
    manager,
    audit,
    LabellingDecision,
    existing,
    expectedVersion,
    { poleId, phaseId: phase.id },
    values,
  );
  return { decision };
}

/** Records a European cluster-management label; GOLD needs a score of 80 % at least. */
export async function recordClusterLabel(
  { manager, audit, caller }: MutationScope,
  input: RecordClusterLabelInput,
): Promise<{ clusterLabel: ClusterLabel }> {
  assertMayWrite(caller, 'decideLabelling');
  const poleId = await referencedId(manager, Pole, input.poleId, ['input', 'poleId']);
  if (input.validUntil <= input.awardedOn) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'validUntil'],
      `validUntil (${input.validUntil}) must come after awardedOn (${input.awardedOn})`,
    );
  }
  const indicatorsPassed = input.indicatorsPassed ?? null;
  if (indicatorsPassed !== null && indicatorsPassed > input.indicatorsTotal) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'indicatorsPassed'],
      `indicatorsPassed (${indicatorsPassed}) exceeds the indicators assessed ` +
        `(${input.indicatorsTotal})`,
    );
  }
  const scorePercent = input.scorePercent ?? null;
  if (
    input.level === ClusterLabelLevel.GOLD &&
    (scorePercent === null || toUnits(scorePercent, 2) < GOLD_MINIMUM_SCORE)
  ) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'scorePercent'],
      'A GOLD label (Cluster Management Excellence) requires an overall score of at least 80 %' +
        (scorePercent === null ? ': give scorePercent' : `, and ${scorePercent} % is below it`),
    );
  }
  const clusterLabel = await insertRecord(manager, ClusterLabel, {
    poleId,
    level: input.level,
    awardedOn: input.awardedOn,
    validUntil: input.validUntil,
    scorePercent,
    indicatorsPassed,
    indicatorsTotal: input.indicatorsTotal,
  });
  audit.record('ClusterLabel', clusterLabel.id, null, clusterLabel);
  return { clusterLabel };
}
