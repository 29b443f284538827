import type { CollectionSpec } from '../database/query/collection-spec';
import { entityScalars } from '../database/query/entity-scalars';
import { defineCollection } from '../database/query/relation-graph';
import { Criterion } from './criterion.entity';
import { LabellingPhase } from './labelling-phase.entity';

export const LABELLING_PHASE_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'LabellingPhase',
  entity: LabellingPhase,
  table: 'labelling_phase',
  scalars: entityScalars(LabellingPhase, ['id', 'number', 'startYear', 'endYear']),
  orderFields: { NUMBER: 'number' },
  defaultOrder: [{ field: 'NUMBER', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
});

export const CRITERION_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'Criterion',
  entity: Criterion,
  table: 'criterion',
  scalars: entityScalars(Criterion, ['id', 'code', 'measurement']),
  orderFields: { CODE: 'code' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
});
