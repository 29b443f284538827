import type { CollectionSpec } from '../database/query/collection-spec';
import { entityScalars } from '../database/query/entity-scalars';
import { defineCollection } from '../database/query/relation-graph';
import { Ministry } from './ministry.entity';

export const MINISTRY_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'Ministry',
  entity: Ministry,
  table: 'ministry',
  scalars: entityScalars(Ministry, ['id', 'code', 'name', 'leadsPolicy']),
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
});
