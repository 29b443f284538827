import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { Region } from './region.entity';

export const REGION_COLLECTION = defineTypedCollection({
  typeName: 'Region',
  entity: Region,
  scalars: entityScalars(Region, ['id', 'code', 'name', 'overseas', 'inSelectionAndTracking']),
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: {
    orderBy: [
      ['overseas', 'ASC'],
      ['code', 'ASC'],
    ],
  },
});
