import type { CollectionSpec } from '../database/query/collection-spec';
import { defineCollection } from '../database/query/relation-graph';
import { FundingProgramme, ProgrammeLevel } from './funding-programme.entity';

export const FUNDING_PROGRAMME_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'FundingProgramme',
  entity: FundingProgramme,
  table: 'funding_programme',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The programme’s global id.' },
    code: { kind: 'string', column: 'code', description: 'Code, e.g. "FUI".' },
    name: { kind: 'string', column: 'name', description: 'Name of the programme.' },
    level: {
      kind: 'enum',
      column: 'level',
      enum: { type: ProgrammeLevel, name: 'ProgrammeLevel' },
      description: 'Regional, national or European.',
    },
    startYear: { kind: 'int', column: 'startYear', description: 'First year it funded projects.' },
    endYear: {
      kind: 'int',
      column: 'endYear',
      nullable: true,
      description: 'Last year, null if running.',
    },
  },
  orderFields: { CODE: 'code', NAME: 'name', START_YEAR: 'startYear' },
  defaultOrder: [{ field: 'START_YEAR', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
});
