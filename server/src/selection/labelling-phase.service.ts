import { type DataSource, type EntityManager, IsNull, Not } from 'typeorm';

import type { MutationScope } from '../auth/mutation-scope';
import { assertMayWrite } from '../auth/permission-policy';
import { refuse, UserErrorCode } from '../core/refusal';
import { toUnits } from '../core/scaled-decimal';
import { insertRow } from '../database/unit-of-work/insert-record';
import { lockedReads, takeWriteLock } from '../database/unit-of-work/write-lock';
import { Pole } from '../pole/pole.entity';
import { Criterion } from './criterion.entity';
import { LabellingDecision } from './labelling-decision.entity';
import { LabellingPhase } from './labelling-phase.entity';
import {
  CriterionMeasurement,
  DecisionKind,
  LabellingOutcome,
  PoleIndicator,
} from './selection.enums';
import type { CriterionInput, OpenLabellingPhaseInput } from './selection.input';

/**
 * The poles labelled by the phase's first decisions (not the later extensions), where a pole
 * that merged into another by the phase's last day counts once, under its successor: the
 * published "54 poles at the end of phase IV" are the 56 of 2019 after PICOM joined Cap Digital
 * and Elastopôle and Plastipolis formed Polymeris.
 */
export async function countPolesLabelledAfterMergers(
  dataSource: DataSource,
  phase: Pick<LabellingPhase, 'id' | 'endYear'>,
): Promise<number> {
  const labelled = await dataSource
    .getRepository(LabellingDecision)
    .createQueryBuilder('decision')
    .select('decision.poleId', 'poleId')
    .where('decision.phaseId = :phaseId', { phaseId: phase.id })
    .andWhere('decision.kind = :kind', { kind: DecisionKind.INITIAL })
    .andWhere('decision.outcome <> :notLabelled', { notLabelled: LabellingOutcome.NOT_LABELLED })
    .getRawMany<{ poleId: number | string }>();
  const poles = await dataSource.getRepository(Pole).find({
    select: { id: true, successorId: true, mergedOn: true },
    where: { successorId: Not(IsNull()) },
  });
  const phaseEnd = `${phase.endYear}-12-31`;
  const successorOf = new Map(
    poles
      .filter((pole) => pole.mergedOn !== null && pole.mergedOn <= phaseEnd)
      .map((pole) => [pole.id, pole.successorId as number]),
  );
  const lineages = new Set<number>();
  for (const row of labelled) {
    let poleId = Number(row.poleId);
    // Follows a chain of mergers; the bound guards against a cycle in bad data.
    for (let step = 0; step < 20 && successorOf.has(poleId); step += 1) {
      poleId = successorOf.get(poleId) as number;
    }
    lineages.add(poleId);
  }
  return lineages.size;
}

/** Indicators that are shares from 0 to 1: a threshold above 1 could never be met. */
const SHARE_INDICATORS: ReadonlySet<PoleIndicator> = new Set([
  PoleIndicator.SME_SHARE,
  PoleIndicator.PRIVATE_FUNDING_SHARE,
]);

/** A threshold fits `criterion.threshold`, a DECIMAL(18,4): ≥ 0, 14 digits, 4 decimals. */
const THRESHOLD_PATTERN = /^\d{1,14}(\.\d{1,4})?$/;

/** The phase numbered `number`, or a NOT_FOUND refusal on `field`. */
export async function phaseByNumber(
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
