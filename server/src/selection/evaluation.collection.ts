import type { CollectionSpec } from '../database/query/collection-spec';
import { PAIRS } from '../database/relationships';
import { MINISTRY_COLLECTION } from '../ministry/ministry.collection';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { REGION_COLLECTION } from '../region/region.collection';
import { Evaluation } from './evaluation.entity';
import { EvaluationScore } from './evaluation-score.entity';
import { CRITERION_COLLECTION, LABELLING_PHASE_COLLECTION } from './labelling-phase.collection';

export const EVALUATION_COLLECTION: CollectionSpec = {
  typeName: 'Evaluation',
  entity: Evaluation,
  table: 'evaluation',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The evaluation’s global id.' },
    evaluatedOn: { kind: 'date', column: 'evaluatedOn', description: 'When it was made.' },
    byMinistry: {
      kind: 'boolean',
      column: '($.`ministryId` IS NOT NULL)',
      description: 'Made by a ministry (true) or by a region (false).',
    },
  },
  relations: {
    pole: {
      description: 'Evaluations of a pole matching this filter.',
      target: () => POLE_COLLECTION,
      pairs: PAIRS.evaluationPole,
    },
    phase: {
      description: 'Evaluations for a phase matching this filter.',
      target: () => LABELLING_PHASE_COLLECTION,
      pairs: PAIRS.evaluationPhase,
    },
    ministry: {
      description: 'Evaluations by a ministry matching this filter.',
      target: () => MINISTRY_COLLECTION,
      pairs: PAIRS.evaluationMinistry,
    },
    region: {
      description: 'Evaluations by a region matching this filter.',
      target: () => REGION_COLLECTION,
      pairs: PAIRS.evaluationRegion,
    },
  },
  orderFields: { EVALUATED_ON: 'evaluatedOn' },
  defaultOrder: [{ field: 'EVALUATED_ON', direction: 'DESC' }],
  aggregateFields: [],
};

export const EVALUATION_SCORE_COLLECTION: CollectionSpec = {
  typeName: 'EvaluationScore',
  entity: EvaluationScore,
  table: 'evaluation_score',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The global id.' },
    score: { kind: 'decimal', column: 'score', description: 'Score from 0 to 100.' },
  },
  relations: {
    evaluation: {
      description: 'Scores of an evaluation matching this filter.',
      target: () => EVALUATION_COLLECTION,
      pairs: PAIRS.scoreEvaluation,
    },
    criterion: {
      description: 'Scores on a criterion matching this filter.',
      target: () => CRITERION_COLLECTION,
      pairs: PAIRS.scoreCriterion,
    },
  },
  orderFields: { SCORE: 'score' },
  defaultOrder: [{ field: 'SCORE', direction: 'DESC' }],
  aggregateFields: ['score'],
};
