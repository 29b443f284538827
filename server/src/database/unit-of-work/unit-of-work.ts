import type { DataSource, EntityManager } from 'typeorm';

import { type Refusal, userError, UserErrorCode, UserInputProblems } from '../../core/refusal';
import { inTransaction } from '../transactions';
import { type AuditedChange, AuditTrail } from './audit-trail';

/** Who writes, for the audit log and for listeners of committed changes. */
export interface UnitOfWorkActor {
  /** The operation's name (a mutation, `import:projects`…). */
  operation: string;
  /** The caller's name as the audit log shows it. */
  actor: string;
  requestId: string;
}

/** What a write receives: its transaction and its audit trail. */
export interface UnitOfWork {
  manager: EntityManager;
  audit: AuditTrail;
}

/** A committed write: what it did and who did it; given to after-commit listeners. */
export interface CommittedChange extends UnitOfWorkActor {
  changes: readonly AuditedChange[];
}

export type AfterCommitListener = (change: CommittedChange) => void;

/**
 * Told of a write inside its transaction, after its audit entries and before the commit: what it
 * writes (a webhook's outbox row) commits or rolls back with the change.
 */
export type BeforeCommitListener = (
  change: CommittedChange,
  manager: EntityManager,
) => Promise<void>;

/** What a unit of work tells its listeners: in the transaction, and once committed. */
export interface CommitListeners {
  beforeCommit?: readonly BeforeCommitListener[];
  afterCommit?: readonly AfterCommitListener[];
}

/** The outcome of a unit of work: its value, or the refusals that rolled it back. */
export type UnitOfWorkOutcome<T> = { ok: true; value: T } | { ok: false; refusals: Refusal[] };

/**
 * Runs `work` as ONE transaction with its audit entries: all or nothing. Expected refusals
 * (`UserInputProblems`, or a database constraint that a rule let slip) come back as data;
 * anything else is thrown. `beforeCommit` listeners write with the change, in its transaction;
 * `afterCommit` listeners hear of it only once it is committed.
 */
export async function runUnitOfWork<T>(
  dataSource: DataSource,
  actor: UnitOfWorkActor,
  work: (unit: UnitOfWork) => Promise<T>,
  { beforeCommit = [], afterCommit = [] }: CommitListeners = {},
): Promise<UnitOfWorkOutcome<T>> {
  const audit = new AuditTrail(actor.operation, actor.actor, actor.requestId);
  try {
    const value = await inTransaction(dataSource, async (manager) => {
      const result = await work({ manager, audit });
      await audit.write(manager);
      const change: CommittedChange = { ...actor, changes: audit.changes() };
      for (const listener of beforeCommit) await listener(change, manager);
      return result;
    });
    const committed: CommittedChange = { ...actor, changes: audit.changes() };
    for (const listener of afterCommit) listener(committed);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof UserInputProblems) return { ok: false, refusals: error.userErrors };
    const constraint = constraintViolation(error);
    if (constraint) return { ok: false, refusals: [constraint] };
    throw error;
  }
}

/** What a unique constraint means to a caller, for the constraints a race can trip. */
export interface UniqueConstraintMeaning {
  /** The index name, as MySQL/MariaDB names it in ER_DUP_ENTRY. */
  name: string;
  /** `table.column` list as SQLite names it in "UNIQUE constraint failed: …". */
  columns: readonly string[];
  field: string[];
  message: string;
}

const uniqueConstraintMeanings: UniqueConstraintMeaning[] = [];

/**
 * Gives a unique constraint its own refusal (field and message) instead of the generic
 * "same unique key": entities declare it next to their `@Unique`.
 */
export function explainUniqueConstraint(meaning: UniqueConstraintMeaning): void {
  uniqueConstraintMeanings.push(meaning);
}

function meaningOf(message: string): UniqueConstraintMeaning | undefined {
  return uniqueConstraintMeanings.find(
    (meaning) =>
      new RegExp(`for key '(?:[^']*\\.)?${meaning.name}'`).test(message) ||
      message.endsWith(`constraint failed: ${meaning.columns.join(', ')}`),
  );
}

/**
 * The database's own refusals, when a rule slipped past the services (two writers racing for
 * the same unique key): mapped to codes, never shown raw.
 */
export function constraintViolation(error: unknown): Refusal | null {
  const driverError =
    (error as { driverError?: { code?: string; errno?: number } })?.driverError ?? error;
  const code = String((driverError as { code?: string })?.code ?? '');
  const errno = Number((driverError as { errno?: number })?.errno ?? 0);
  if (
    code === 'ER_DUP_ENTRY' ||
    errno === 1062 ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  ) {
    const meaning = meaningOf(String((driverError as { message?: string })?.message ?? ''));
    return userError(
      UserErrorCode.DUPLICATE,
      meaning?.field ?? ['input'],
      meaning?.message ?? 'A record with the same unique key already exists.',
    );
  }
  if (code === 'ER_ROW_IS_REFERENCED_2' || errno === 1451) {
    return userError(
      UserErrorCode.REFERENCE_IN_USE,
      ['input'],
      'The record is still referenced by others.',
    );
  }
  if (code === 'ER_NO_REFERENCED_ROW_2' || errno === 1452) {
    return userError(UserErrorCode.NOT_FOUND, ['input'], 'A referenced record does not exist.');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return userError(
      UserErrorCode.NOT_FOUND,
      ['input'],
      'A referenced record does not exist, or is still referenced.',
    );
  }
  return null;
}
