import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { FundingProgramme } from './funding-programme.entity';

export const FUNDING_PROGRAMME_COLLECTION = defineTypedCollection({
  typeName: 'FundingProgramme',
  entity: FundingProgramme,
  scalars: entityScalars(FundingProgramme, ['id', 'code', 'name', 'level', 'startYear', 'endYear']),
  orderFields: { CODE: 'code', NAME: 'name', START_YEAR: 'startYear' },
  defaultOrder: [{ field: 'START_YEAR', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: {
    orderBy: [
      ['startYear', 'ASC'],
      ['code', 'ASC'],
    ],
  },
});
