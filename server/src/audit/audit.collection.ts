import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { AuditLogEntry } from '../database/unit-of-work/audit-log-entry.entity';

export const AUDIT_LOG_COLLECTION = defineTypedCollection({
  typeName: 'AuditLogEntry',
  entity: AuditLogEntry,
  scalars: entityScalars(AuditLogEntry, [
    'id',
    'actor',
    'operation',
    'recordType',
    'recordId',
    'requestId',
    'occurredAt',
  ]),
  orderFields: { OCCURRED_AT: 'occurredAt' },
  defaultOrder: [{ field: 'OCCURRED_AT', direction: 'DESC' }],
  aggregateFields: [],
  // Read by AuditLogResolver's field resolvers.
  fieldColumns: { changes: ['changesJson'], recordGlobalId: ['recordType', 'recordId'] },
});
