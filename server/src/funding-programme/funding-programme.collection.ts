import type { CollectionSpec } from '../database/query/collection-spec';
import { entityScalars } from '../database/query/entity-scalars';
import { defineCollection } from '../database/query/relation-graph';
import { FundingProgramme } from './funding-programme.entity';

export const FUNDING_PROGRAMME_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'FundingProgramme',
  entity: FundingProgramme,
  table: 'funding_programme',
  scalars: entityScalars(FundingProgramme, ['id', 'code', 'name', 'level', 'startYear', 'endYear']),
  orderFields: { CODE: 'code', NAME: 'name', START_YEAR: 'startYear' },
  defaultOrder: [{ field: 'START_YEAR', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
});
