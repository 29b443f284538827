import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { ClusterLabel } from './cluster-label.entity';
import { LabellingDecision } from './labelling-decision.entity';

export const LABELLING_DECISION_COLLECTION = defineTypedCollection({
  typeName: 'LabellingDecision',
  entity: LabellingDecision,
  scalars: entityScalars(LabellingDecision, [
    'id',
    'outcome',
    'durationYears',
    'decidedOn',
    'kind',
    'validFrom',
    'validUntil',
    'extensionCondition',
    'newPole',
    'publishedOn',
  ]),
  orderFields: { DECIDED_ON: 'decidedOn', OUTCOME: 'outcome' },
  defaultOrder: [{ field: 'DECIDED_ON', direction: 'DESC' }],
  aggregateFields: ['durationYears'],
});

export const CLUSTER_LABEL_COLLECTION = defineTypedCollection({
  typeName: 'ClusterLabel',
  entity: ClusterLabel,
  scalars: entityScalars(ClusterLabel, ['id', 'level', 'awardedOn', 'validUntil', 'renewal']),
  orderFields: { AWARDED_ON: 'awardedOn' },
  defaultOrder: [{ field: 'AWARDED_ON', direction: 'DESC' }],
  aggregateFields: [],
});
