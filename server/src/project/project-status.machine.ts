import { ProjectStatus } from './project.enums';

const { DRAFT, SUBMITTED, LABELLED, FUNDED, IN_PROGRESS, COMPLETED, REJECTED, ABANDONED } =
  ProjectStatus;

/**
 * The project life cycle: DRAFT → SUBMITTED → LABELLED → FUNDED → IN_PROGRESS → COMPLETED,
 * REJECTED from SUBMITTED or LABELLED, ABANDONED from any open state. Closed states lead nowhere.
 */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  [DRAFT]: [SUBMITTED, ABANDONED],
  [SUBMITTED]: [LABELLED, REJECTED, ABANDONED],
  [LABELLED]: [FUNDED, REJECTED, ABANDONED],
  [FUNDED]: [IN_PROGRESS, ABANDONED],
  [IN_PROGRESS]: [COMPLETED, ABANDONED],
  [COMPLETED]: [],
  [REJECTED]: [],
  [ABANDONED]: [],
};

export function allowedTransitions(from: ProjectStatus): readonly ProjectStatus[] {
  return PROJECT_TRANSITIONS[from];
}

/** The date a status change fills in when it is still empty (the day it happened). */
export const DATE_SET_BY_STATUS: Partial<
  Record<ProjectStatus, 'submittedOn' | 'decisionOn' | 'startOn' | 'endOn'>
> = {
  [SUBMITTED]: 'submittedOn',
  [FUNDED]: 'decisionOn',
  [IN_PROGRESS]: 'startOn',
  [COMPLETED]: 'endOn',
};
