import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { Ministry } from './ministry.entity';

export const MINISTRY_COLLECTION = defineTypedCollection({
  typeName: 'Ministry',
  entity: Ministry,
  scalars: entityScalars(Ministry, ['id', 'code', 'name', 'leadsPolicy']),
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: {
    orderBy: [
      ['leadsPolicy', 'DESC'],
      ['code', 'ASC'],
    ],
  },
});
