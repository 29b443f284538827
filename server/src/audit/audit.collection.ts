import type { CollectionSpec } from '../database/query/collection-spec';
import { defineCollection } from '../database/query/relation-graph';
import { AuditLogEntry } from '../database/unit-of-work/audit-log-entry.entity';

export const AUDIT_LOG_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'AuditLogEntry',
  entity: AuditLogEntry,
  table: 'audit_log_entry',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The entry’s global id.' },
    actor: { kind: 'string', column: 'actor', description: 'Who made the change.' },
    operation: {
      kind: 'string',
      column: 'operation',
      description: 'The mutation, e.g. "changeProjectStatus".',
    },
    recordType: {
      kind: 'string',
      column: 'recordType',
      description: 'GraphQL type of the changed record.',
    },
    recordId: {
      kind: 'int',
      column: 'recordId',
      description: 'Database key of the changed record.',
    },
    requestId: { kind: 'string', column: 'requestId', description: 'The HTTP request id.' },
    occurredAt: {
      kind: 'datetime',
      column: 'occurredAt',
      description: 'When the change was committed.',
    },
  },
  orderFields: { OCCURRED_AT: 'occurredAt' },
  defaultOrder: [{ field: 'OCCURRED_AT', direction: 'DESC' }],
  aggregateFields: [],
});
