import type { EntityManager } from 'typeorm';

import type { MutationScope } from '../auth/mutation-scope';
import { assertMayWrite } from '../auth/permission-policy';
import { refuse, UserErrorCode } from '../core/refusal';
import { insertRow } from '../database/unit-of-work/insert-record';
import { referencedId, referencedIdByCode } from '../database/unit-of-work/references';
import { Ministry } from '../ministry/ministry.entity';
import { Pole } from '../pole/pole.entity';
import { Region } from '../region/region.entity';
import { Criterion } from './criterion.entity';
import { Evaluation } from './evaluation.entity';
import { EvaluationScore } from './evaluation-score.entity';
import { phaseByNumber } from './labelling-phase.service';
import { CriterionMeasurement } from './selection.enums';
import type { RecordEvaluationInput } from './selection.input';

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
