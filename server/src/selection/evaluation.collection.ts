import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { Evaluation } from './evaluation.entity';
import { EvaluationScore } from './evaluation-score.entity';

export const EVALUATION_COLLECTION = defineTypedCollection({
  typeName: 'Evaluation',
  entity: Evaluation,
  scalars: entityScalars(Evaluation, ['id', 'evaluatedOn'], {
    byMinistry: {
      kind: 'boolean',
      column: '($.`ministryId` IS NOT NULL)',
      description: 'Made by a ministry (true) or by a region (false).',
    },
  }),
  orderFields: { EVALUATED_ON: 'evaluatedOn' },
  defaultOrder: [{ field: 'EVALUATED_ON', direction: 'DESC' }],
  aggregateFields: [],
});

export const EVALUATION_SCORE_COLLECTION = defineTypedCollection({
  typeName: 'EvaluationScore',
  entity: EvaluationScore,
  scalars: entityScalars(EvaluationScore, ['id', 'score']),
  orderFields: { SCORE: 'score' },
  defaultOrder: [{ field: 'SCORE', direction: 'DESC' }],
  aggregateFields: ['score'],
});
