import type { CollectionSpec } from '../database/query/collection-spec';
import { entityScalars } from '../database/query/entity-scalars';
import { defineCollection } from '../database/query/relation-graph';
import { Theme } from './theme.entity';

export const THEME_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'Theme',
  entity: Theme,
  table: 'theme',
  scalars: entityScalars(Theme, ['id', 'code', 'name', 'nameEn']),
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
});
