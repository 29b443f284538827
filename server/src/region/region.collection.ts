import type { CollectionSpec } from '../database/query/collection-spec';
import { entityScalars } from '../database/query/entity-scalars';
import { defineCollection } from '../database/query/relation-graph';
import { Region } from './region.entity';

export const REGION_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'Region',
  entity: Region,
  table: 'region',
  scalars: entityScalars(Region, ['id', 'code', 'name', 'overseas', 'inSelectionAndTracking']),
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
});
