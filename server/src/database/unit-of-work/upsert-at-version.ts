import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';

import { refuse, UserErrorCode } from '../../core/refusal';
import type { VersionedRecord } from '../entity/base-record';
import type { AuditTrail } from './audit-trail';
import { insertRecord } from './insert-record';
import { refuseIfStale, updateIfCurrent, type VersionedEntity } from './optimistic-update';

/** What a caller is told when its expectedVersion does not fit what exists. */
export interface UpsertMessages {
  /** The record exists and no version was sent: "… (version 3): send expectedVersion to …". */
  exists(version: number): string;
  /** A version was sent for a record that does not exist yet. */
  missing: string;
}

const VERSION_FIELD = ['input', 'expectedVersion'];

/**
 * Records that exist once per natural key (a pole's figures for a year, its decision for a
 * phase) are created by a write that sends no version and updated by one that sends the
 * version it read. Refuses the other two cases, and a stale version, before the service's other
 * rules: what the caller saw may be gone.
 */
export function checkExpectedVersion<T extends VersionedRecord>(
  entity: VersionedEntity<T>,
  existing: T | null,
  expectedVersion: number | null,
  messages: UpsertMessages,
): void {
  if (existing) {
    if (expectedVersion === null) {
      refuse(UserErrorCode.INVALID, VERSION_FIELD, messages.exists(existing.version));
    }
    refuseIfStale(entity, existing, expectedVersion);
  } else if (expectedVersion !== null) {
    refuse(UserErrorCode.INVALID, VERSION_FIELD, messages.missing);
  }
}

/**
 * Writes what `checkExpectedVersion` let through: updates `existing` at the expected version
 * (one conditional statement), or creates the record with its natural `key`; audited either way.
 */
export async function writeAtVersion<T extends VersionedRecord & { id: number }>(
  manager: EntityManager,
  audit: AuditTrail,
  entity: VersionedEntity<T>,
  existing: T | null,
  expectedVersion: number | null,
  key: QueryDeepPartialEntity<T>,
  values: QueryDeepPartialEntity<T>,
): Promise<T> {
  if (existing) {
    const updated = await updateIfCurrent(manager, entity, existing, expectedVersion!, values);
    audit.record(entity.name, existing.id, existing, updated);
    return updated;
  }
  const created = await insertRecord(manager, entity, {
    ...key,
    ...values,
  } as QueryDeepPartialEntity<T>);
  audit.record(entity.name, created.id, null, created);
  return created;
}
