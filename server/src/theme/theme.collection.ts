import type { CollectionSpec } from '../database/query/collection-spec';
import { defineCollection } from '../database/query/relation-graph';
import { Theme } from './theme.entity';

export const THEME_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'Theme',
  entity: Theme,
  table: 'theme',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The theme’s global id.' },
    code: { kind: 'string', column: 'code', description: 'Code, e.g. "HEALTH".' },
    name: { kind: 'string', column: 'name', description: 'French name.' },
    nameEn: { kind: 'string', column: 'nameEn', description: 'English name.' },
  },
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
});
