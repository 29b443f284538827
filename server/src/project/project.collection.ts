import { entityScalars } from '../database/query/entity-scalars';
import { defineTypedCollection } from '../database/query/typed-collection';
import { Project } from './project.entity';
import { ProjectPartner } from './project-partner.entity';
import { ProjectStatusChange } from './project-status-change.entity';

export const PROJECT_COLLECTION = defineTypedCollection({
  typeName: 'Project',
  entity: Project,
  scalars: entityScalars(Project, [
    'id',
    'acronym',
    'title',
    'status',
    'submittedOn',
    'decisionOn',
    'startOn',
    'endOn',
    'totalBudget',
    'publicFundingRequested',
    'publicFundingGranted',
    'createdAt',
  ]),
  orderFields: {
    ACRONYM: 'acronym',
    TITLE: 'title',
    STATUS: 'status',
    SUBMITTED_ON: 'submittedOn',
    DECISION_ON: 'decisionOn',
    START_ON: 'startOn',
    END_ON: 'endOn',
    TOTAL_BUDGET: 'totalBudget',
    PUBLIC_FUNDING_GRANTED: 'publicFundingGranted',
    CREATED_AT: 'createdAt',
  },
  defaultOrder: [{ field: 'SUBMITTED_ON', direction: 'DESC' }],
  aggregateFields: ['totalBudget', 'publicFundingRequested', 'publicFundingGranted'],
});

export const PROJECT_PARTNER_COLLECTION = defineTypedCollection({
  typeName: 'ProjectPartner',
  entity: ProjectPartner,
  scalars: entityScalars(ProjectPartner, ['id', 'role', 'budgetSharePercent']),
  orderFields: { ROLE: 'role', BUDGET_SHARE: 'budgetSharePercent' },
  defaultOrder: [{ field: 'ROLE', direction: 'ASC' }],
  aggregateFields: ['budgetSharePercent'],
});

export const PROJECT_STATUS_CHANGE_COLLECTION = defineTypedCollection({
  typeName: 'ProjectStatusChange',
  entity: ProjectStatusChange,
  scalars: entityScalars(ProjectStatusChange, ['id', 'toStatus', 'changedAt']),
  orderFields: { CHANGED_AT: 'changedAt' },
  defaultOrder: [{ field: 'CHANGED_AT', direction: 'ASC' }],
  aggregateFields: [],
});
