import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { Criterion } from './criterion.entity';
import { LabellingPhase } from './labelling-phase.entity';

export const LABELLING_PHASE_COLLECTION = defineTypedCollection({
  typeName: 'LabellingPhase',
  entity: LabellingPhase,
  scalars: entityScalars(LabellingPhase, ['id', 'number', 'startYear', 'endYear']),
  orderFields: { NUMBER: 'number' },
  defaultOrder: [{ field: 'NUMBER', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: { orderBy: [['number', 'ASC']] },
  // Read by the resolver of polesLabelledAfterMergers (labelling-phase.service.ts).
  fieldColumns: { polesLabelledAfterMergers: ['endYear'] },
});

export const CRITERION_COLLECTION = defineTypedCollection({
  typeName: 'Criterion',
  entity: Criterion,
  scalars: entityScalars(Criterion, ['id', 'code', 'measurement']),
  orderFields: { CODE: 'code' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
});
