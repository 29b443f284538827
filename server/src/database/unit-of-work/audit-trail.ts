import type { EntityManager } from 'typeorm';

import { type AuditFieldChangeValue, AuditLogEntry } from './audit-log-entry.entity';

type Values = object | null;

/**
 * A record's own columns: relations loaded on an entity (objects, arrays) are left out, they
 * have audit entries of their own.
 */
function ownColumns(record: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(
      ([, value]) => typeof value !== 'object' || value === null || value instanceof Date,
    ),
  );
}

/** Fields that change on every write and say nothing about it. */
const IGNORED_FIELDS = new Set(['version', 'createdAt', 'updatedAt']);

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The fields whose value differs between `before` and `after` (null: created or deleted). */
export function fieldChanges(beforeRecord: Values, afterRecord: Values): AuditFieldChangeValue[] {
  const before = beforeRecord && ownColumns(beforeRecord);
  const after = afterRecord && ownColumns(afterRecord);
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditFieldChangeValue[] = [];
  for (const field of [...fields].sort()) {
    if (IGNORED_FIELDS.has(field)) continue;
    const old = asText(before?.[field]);
    const next = asText(after?.[field]);
    if (old !== next) changes.push({ field, before: old, after: next });
  }
  return changes;
}

/** One record's change, as recorded. */
export interface AuditedChange {
  recordType: string;
  recordId: number;
  fields: readonly AuditFieldChangeValue[];
}

/**
 * What one mutation changed, written to the audit log in the mutation's own transaction:
 * if the write rolls back, so does its trace.
 */
export class AuditTrail {
  private readonly entries: Omit<AuditLogEntry, 'id' | 'createdAt' | 'updatedAt' | 'globalId'>[] =
    [];
  private readonly recorded: AuditedChange[] = [];

  constructor(
    private readonly operation: string,
    private readonly actor: string,
    private readonly requestId: string,
  ) {}

  /**
   * Records one record's change; pass `before` null for a creation, `after` null for a
   * deletion. Entities can be passed as they are: only their own columns are compared.
   */
  record(recordType: string, recordId: number, before: Values, after: Values): void {
    const fields = fieldChanges(before, after);
    this.recorded.push({ recordType, recordId, fields });
    this.entries.push({
      actor: this.actor,
      operation: this.operation,
      recordType,
      recordId,
      changesJson: JSON.stringify(fields),
      requestId: this.requestId.slice(0, 64),
      occurredAt: new Date(),
    });
  }

  /** What was recorded so far, for after-commit listeners. */
  changes(): readonly AuditedChange[] {
    return this.recorded;
  }

  async write(manager: EntityManager): Promise<void> {
    if (this.entries.length > 0) await manager.insert(AuditLogEntry, this.entries);
  }
}
