import type { AuditedChange } from '../../database/unit-of-work/audit-trail';
import type { CommittedChange } from '../../database/unit-of-work/unit-of-work';

/**
 * What a committed change tells subscribers: record ids only, never values. Each subscriber
 * re-reads the record with its own rights, so an event on the wire (Redis) reveals nothing a
 * reader could not see, and what is delivered is always the committed state.
 */
export type LiveEvent =
  | {
      type: 'projectStatusChanged';
      projectId: number;
      /** The `ProjectStatusChange` row written with the change (null if none was recorded). */
      statusChangeId: number | null;
    }
  | { type: 'projectUpdated'; projectId: number }
  | { type: 'evaluationRecorded'; evaluationId: number }
  | { type: 'labellingDecisionPublished'; decisionId: number }
  | { type: 'membershipChanged'; membershipId: number };

export type LiveEventType = LiveEvent['type'];

/** One event, as published: the event and the write it comes from. */
export interface LiveEventEnvelope {
  event: LiveEvent;
  /** The mutation (or `import:…`) that committed it. */
  operation: string;
  requestId: string;
  /** When it was committed (ISO 8601). */
  committedAt: string;
}

function changed(change: AuditedChange, field: string): boolean {
  return change.fields.some((entry) => entry.field === field);
}

function afterValue(change: AuditedChange, field: string): string | null {
  return change.fields.find((entry) => entry.field === field)?.after ?? null;
}

/**
 * The events of one committed write, derived from its audited changes: every mutation and
 * import records its changes in the audit trail, so none can forget to publish.
 *
 * - a project whose `status` changed: `projectStatusChanged` (with the history row);
 * - a project created, or whose other fields (amounts, dates…) or partners changed:
 *   `projectUpdated`, once per project;
 * - an evaluation created: `evaluationRecorded`;
 * - a labelling decision written: `labellingDecisionPublished`, delivered only if the
 *   decision is published once committed (a draft never reaches anyone);
 * - a membership created or changed: `membershipChanged`.
 */
export function liveEventsOf(committed: CommittedChange): LiveEventEnvelope[] {
  const events: LiveEvent[] = [];
  const updatedProjects = new Set<number>();
  const statusChanges = committed.changes.filter(
    (change) => change.recordType === 'ProjectStatusChange',
  );
  for (const change of committed.changes) {
    switch (change.recordType) {
      case 'Project': {
        const created = change.fields.some((entry) => entry.field === 'id' && !entry.before);
        if (changed(change, 'status') && !created) {
          const row = statusChanges.find(
            (statusChange) => afterValue(statusChange, 'projectId') === String(change.recordId),
          );
          events.push({
            type: 'projectStatusChanged',
            projectId: change.recordId,
            statusChangeId: row ? row.recordId : null,
          });
        }
        if (created || change.fields.some((entry) => entry.field !== 'status')) {
          updatedProjects.add(change.recordId);
        }
        break;
      }
      case 'ProjectPartner': {
        const projectId = Number(
          change.fields.find((entry) => entry.field === 'projectId')?.after ??
            change.fields.find((entry) => entry.field === 'projectId')?.before,
        );
        if (Number.isSafeInteger(projectId)) updatedProjects.add(projectId);
        break;
      }
      case 'Evaluation':
        if (change.fields.some((entry) => entry.field === 'id' && !entry.before)) {
          events.push({ type: 'evaluationRecorded', evaluationId: change.recordId });
        }
        break;
      case 'LabellingDecision':
        // Drafts too: the subscriber's re-read delivers only decisions published after the write.
        events.push({ type: 'labellingDecisionPublished', decisionId: change.recordId });
        break;
      case 'Membership':
        events.push({ type: 'membershipChanged', membershipId: change.recordId });
        break;
    }
  }
  for (const projectId of updatedProjects) events.push({ type: 'projectUpdated', projectId });
  const committedAt = new Date().toISOString();
  return events.map((event) => ({
    event,
    operation: committed.operation,
    requestId: committed.requestId,
    committedAt,
  }));
}
