import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { Theme } from './theme.entity';

export const THEME_COLLECTION = defineTypedCollection({
  typeName: 'Theme',
  entity: Theme,
  scalars: entityScalars(Theme, ['id', 'code', 'name', 'nameEn']),
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: { orderBy: [['code', 'ASC']] },
});
