import type { DataSource } from 'typeorm';

import { rowCounts } from './row-counts';
import type { TestEnvironment } from './test-environment';

/** A mutation payload's `userErrors` entry. */
export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

/** A mutation payload: its record (or records) beside `userErrors`. */
export type WriteResult = { userErrors: UserError[] } & Record<string, unknown>;

/** The selection of `userErrors` every write suite asks for. */
export const USER_ERRORS = 'userErrors { field message code }';

/**
 * Asserts that a write was refused with one user error, `code` on `field`, a message that says
 * something, a null record, and that none of `tables` gained or lost a row. Returns the error.
 */
export async function expectRefusedWrite(
  dataSource: DataSource,
  tables: readonly string[],
  attempt: () => Promise<WriteResult>,
  code: string,
  field: string[],
): Promise<UserError> {
  const before = await rowCounts(dataSource, tables);
  const result = await attempt();
  const records = Object.keys(result).filter((key) => key !== 'userErrors');
  for (const record of records) expect(result[record]).toBeNull();
  expect(result.userErrors).toEqual([{ code, field, message: expect.any(String) }]);
  expect(result.userErrors[0]!.message.length).toBeGreaterThan(10);
  expect(await rowCounts(dataSource, tables)).toEqual(before);
  return result.userErrors[0]!;
}

export interface AuditEntry {
  operation: string;
  actor: string;
  recordType: string;
  recordGlobalId: string;
  changes: { field: string; before: string | null; after: string | null }[];
}

const AUDIT_LOG = `query AuditEntries($filter: AuditLogEntryFilter, $first: Int) {
  auditLog(first: $first, filter: $filter) {
    nodes { operation actor recordType recordGlobalId changes { field before after } }
  }
}`;

/** The audit entries of `recordType`, newest first (read as the environment's caller). */
export async function auditEntries(
  api: TestEnvironment,
  recordType: string,
  first = 10,
): Promise<AuditEntry[]> {
  const response = await api.query<{ auditLog: { nodes: AuditEntry[] } }>(AUDIT_LOG, {
    filter: { recordType: { eq: recordType } },
    first,
  });
  expect(response.errors).toBeUndefined();
  return response.data!.auditLog.nodes;
}
