import type { CollectionSpec } from '../database/query/collection-spec';
import { defineCollection } from '../database/query/relation-graph';
import { Ministry } from './ministry.entity';

export const MINISTRY_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'Ministry',
  entity: Ministry,
  table: 'ministry',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The ministry’s global id.' },
    code: { kind: 'string', column: 'code', description: 'Code, e.g. "ECO".' },
    name: { kind: 'string', column: 'name', description: 'Full name.' },
    leadsPolicy: { kind: 'boolean', column: 'leadsPolicy', description: 'Leads the poles policy.' },
  },
  orderFields: { CODE: 'code', NAME: 'name' },
  defaultOrder: [{ field: 'CODE', direction: 'ASC' }],
  aggregateFields: [],
  loadWhole: true,
});
