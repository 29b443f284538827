import { ProjectStatus } from './project.enums';
import {
  allowedTransitions,
  DATE_SET_BY_STATUS,
  PROJECT_TRANSITIONS,
} from './project-status.machine';

const { DRAFT, SUBMITTED, LABELLED, FUNDED, IN_PROGRESS, COMPLETED, REJECTED, ABANDONED } =
  ProjectStatus;

describe('the project life cycle', () => {
  it('walks DRAFT → SUBMITTED → LABELLED → FUNDED → IN_PROGRESS → COMPLETED', () => {
    const path = [DRAFT, SUBMITTED, LABELLED, FUNDED, IN_PROGRESS, COMPLETED];
    for (let step = 1; step < path.length; step += 1) {
      expect(allowedTransitions(path[step - 1]!)).toContain(path[step]);
    }
  });

  it('rejects only from SUBMITTED or LABELLED, abandons from every open status', () => {
    const rejecting = Object.values(ProjectStatus).filter((from) =>
      allowedTransitions(from).includes(REJECTED),
    );
    expect(rejecting).toEqual([SUBMITTED, LABELLED]);
    const open = [DRAFT, SUBMITTED, LABELLED, FUNDED, IN_PROGRESS];
    for (const from of open) expect(allowedTransitions(from)).toContain(ABANDONED);
  });

  it('leads nowhere from a closed status and never back', () => {
    for (const closed of [COMPLETED, REJECTED, ABANDONED]) {
      expect(allowedTransitions(closed)).toEqual([]);
    }
    expect(allowedTransitions(LABELLED)).not.toContain(SUBMITTED);
    expect(allowedTransitions(COMPLETED)).not.toContain(DRAFT);
  });

  it('knows every status and fills one date per milestone', () => {
    expect(Object.keys(PROJECT_TRANSITIONS).sort()).toEqual(Object.values(ProjectStatus).sort());
    expect(DATE_SET_BY_STATUS).toEqual({
      SUBMITTED: 'submittedOn',
      FUNDED: 'decisionOn',
      IN_PROGRESS: 'startOn',
      COMPLETED: 'endOn',
    });
  });
});
