import type { CommittedChange } from '../../database/unit-of-work/unit-of-work';
import { liveEventsOf } from './live-events';

function committed(changes: CommittedChange['changes']): CommittedChange {
  return { operation: 'someMutation', actor: 'tester', requestId: 'r1', changes };
}

const field = (name: string, before: string | null, after: string | null) => ({
  field: name,
  before,
  after,
});

describe('liveEventsOf', () => {
  it('turns a status change into projectStatusChanged with its history row', () => {
    const events = liveEventsOf(
      committed([
        { recordType: 'Project', recordId: 7, fields: [field('status', 'DRAFT', 'SUBMITTED')] },
        {
          recordType: 'ProjectStatusChange',
          recordId: 41,
          fields: [field('id', null, '41'), field('projectId', null, '7')],
        },
      ]),
    );
    expect(events.map((envelope) => envelope.event)).toEqual([
      { type: 'projectStatusChanged', projectId: 7, statusChangeId: 41 },
    ]);
    expect(events[0]).toMatchObject({ operation: 'someMutation', requestId: 'r1' });
  });

  it('reports a status change that also set a date as an update too', () => {
    const events = liveEventsOf(
      committed([
        {
          recordType: 'Project',
          recordId: 7,
          fields: [field('status', 'FUNDED', 'IN_PROGRESS'), field('startOn', null, '2026-01-02')],
        },
      ]),
    );
    expect(events.map((envelope) => envelope.event)).toEqual([
      { type: 'projectStatusChanged', projectId: 7, statusChangeId: null },
      { type: 'projectUpdated', projectId: 7 },
    ]);
  });

  it('sends one projectUpdated per project, for its own fields and its partners', () => {
    const events = liveEventsOf(
      committed([
        { recordType: 'ProjectPartner', recordId: 3, fields: [field('projectId', null, '9')] },
        { recordType: 'Project', recordId: 9, fields: [field('totalBudget', '1.00', '2.00')] },
        { recordType: 'ProjectPartner', recordId: 4, fields: [field('projectId', '9', null)] },
      ]),
    );
    expect(events.map((envelope) => envelope.event)).toEqual([
      { type: 'projectUpdated', projectId: 9 },
    ]);
  });

  it('treats a created project as an update, not a status change', () => {
    const events = liveEventsOf(
      committed([
        {
          recordType: 'Project',
          recordId: 5,
          fields: [field('id', null, '5'), field('status', null, 'DRAFT')],
        },
      ]),
    );
    expect(events.map((envelope) => envelope.event)).toEqual([
      { type: 'projectUpdated', projectId: 5 },
    ]);
  });

  it('announces created evaluations, written decisions and memberships', () => {
    const events = liveEventsOf(
      committed([
        { recordType: 'Evaluation', recordId: 1, fields: [field('id', null, '1')] },
        { recordType: 'EvaluationScore', recordId: 2, fields: [field('id', null, '2')] },
        { recordType: 'LabellingDecision', recordId: 3, fields: [field('outcome', 'A', 'B')] },
        { recordType: 'Membership', recordId: 4, fields: [field('endDate', null, '2026-01-01')] },
        { recordType: 'PoleYear', recordId: 5, fields: [field('id', null, '5')] },
      ]),
    );
    expect(events.map((envelope) => envelope.event)).toEqual([
      { type: 'evaluationRecorded', evaluationId: 1 },
      { type: 'labellingDecisionPublished', decisionId: 3 },
      { type: 'membershipChanged', membershipId: 4 },
    ]);
  });
});
