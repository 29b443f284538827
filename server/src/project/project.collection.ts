import type { CollectionSpec } from '../database/query/collection-spec';
import { defineCollection } from '../database/query/relation-graph';
import { Project } from './project.entity';
import { PartnerRole, ProjectStatus } from './project.enums';
import { ProjectPartner } from './project-partner.entity';
import { ProjectStatusChange } from './project-status-change.entity';

export const PROJECT_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'Project',
  entity: Project,
  table: 'project',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The project’s global id.' },
    acronym: { kind: 'string', column: 'acronym', description: 'Acronym of the project.' },
    title: { kind: 'string', column: 'title', description: 'Title.' },
    status: {
      kind: 'enum',
      column: 'status',
      enum: { type: ProjectStatus, name: 'ProjectStatus' },
      description: 'Where the project stands.',
    },
    submittedOn: {
      kind: 'date',
      column: 'submittedOn',
      nullable: true,
      description: 'Submission date.',
    },
    decisionOn: {
      kind: 'date',
      column: 'decisionOn',
      nullable: true,
      description: 'Funding decision date.',
    },
    startOn: { kind: 'date', column: 'startOn', nullable: true, description: 'Start date.' },
    endOn: { kind: 'date', column: 'endOn', nullable: true, description: 'End date.' },
    totalBudget: { kind: 'decimal', column: 'totalBudget', description: 'Total budget in euros.' },
    publicFundingRequested: {
      kind: 'decimal',
      column: 'publicFundingRequested',
      description: 'Public funding requested in euros.',
    },
    publicFundingGranted: {
      kind: 'decimal',
      column: 'publicFundingGranted',
      nullable: true,
      description: 'Public funding granted in euros.',
    },
    createdAt: {
      kind: 'datetime',
      column: 'createdAt',
      description: 'When the record was created.',
    },
  },
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

export const PROJECT_PARTNER_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'ProjectPartner',
  entity: ProjectPartner,
  table: 'project_partner',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The global id.' },
    role: {
      kind: 'enum',
      column: 'role',
      enum: { type: PartnerRole, name: 'PartnerRole' },
      description: 'Coordinator, partner or subcontractor.',
    },
    budgetSharePercent: {
      kind: 'decimal',
      column: 'budgetSharePercent',
      description: 'Share of the budget, %.',
    },
  },
  orderFields: { ROLE: 'role', BUDGET_SHARE: 'budgetSharePercent' },
  defaultOrder: [{ field: 'ROLE', direction: 'ASC' }],
  aggregateFields: ['budgetSharePercent'],
});

export const PROJECT_STATUS_CHANGE_COLLECTION: CollectionSpec = defineCollection({
  typeName: 'ProjectStatusChange',
  entity: ProjectStatusChange,
  table: 'project_status_change',
  scalars: {
    id: { kind: 'id', column: 'id', description: 'The global id.' },
    toStatus: {
      kind: 'enum',
      column: 'toStatus',
      enum: { type: ProjectStatus, name: 'ProjectStatus' },
      description: 'Status after the change.',
    },
    changedAt: { kind: 'datetime', column: 'changedAt', description: 'When it changed.' },
  },
  orderFields: { CHANGED_AT: 'changedAt' },
  defaultOrder: [{ field: 'CHANGED_AT', direction: 'ASC' }],
  aggregateFields: [],
});
