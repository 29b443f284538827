import type { CollectionSpec } from '../database/query/collection-spec';
import { defineCollection } from '../database/query/relation-graph';
import { Region } from './region.entity';

export const REGION_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'Region',
  entity: Region,
  table: 'region',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The region’s global id.' },
    code: { kind: 'string', column: 'code', description: 'INSEE code, e.g. "84".' },
    name: { kind: 'string', column: 'name', description: 'Name of the region.' },
    overseas: { kind: 'boolean', column: 'overseas', description: 'Overseas region (outre-mer).' },
    inSelectionAndTracking: {
      kind: 'boolean',
      column: 'inSelectionAndTracking',
      description: 'Takes part in the selection and tracking of the poles.',
    },
  },
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
});
