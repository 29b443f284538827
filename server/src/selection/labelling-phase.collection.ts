import type { CollectionSpec } from '../database/query/collection-spec';
import { defineCollection } from '../database/query/relation-graph';
import { Criterion } from './criterion.entity';
import { LabellingPhase } from './labelling-phase.entity';
import { CriterionMeasurement } from './selection.enums';

export const LABELLING_PHASE_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'LabellingPhase',
  entity: LabellingPhase,
  table: 'labelling_phase',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The phase’s global id.' },
    number: { kind: 'int', column: 'number', description: 'Phase number (1 to 5).' },
    startYear: { kind: 'int', column: 'startYear', description: 'First year.' },
    endYear: { kind: 'int', column: 'endYear', description: 'Last year.' },
  },
  orderFields: { NUMBER: 'number' },
  defaultOrder: [{ field: 'NUMBER', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
});

export const CRITERION_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'Criterion',
  entity: Criterion,
  table: 'criterion',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The criterion’s global id.' },
    code: { kind: 'string', column: 'code', description: 'Code within the phase.' },
    measurement: {
      kind: 'enum',
      column: 'measurement',
      enum: { type: CriterionMeasurement, name: 'CriterionMeasurement' },
      description: 'Indicator or score.',
    },
  },
  orderFields: { CODE: 'code' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
});
