import type { CollectionSpec } from '../database/query/collection-spec';
import { PAIRS } from '../database/relationships';
import { FUNDING_PROGRAMME_COLLECTION } from '../funding-programme/funding-programme.collection';
import { MEMBER_COLLECTION } from '../member/member.collection';
import { POLE_COLLECTION } from '../pole/pole.collection';
import { REGION_COLLECTION } from '../region/region.collection';
import { THEME_COLLECTION } from '../theme/theme.collection';
import { Project } from './project.entity';
import { PartnerRole, ProjectStatus } from './project.enums';
import { ProjectPartner } from './project-partner.entity';
import { ProjectStatusChange } from './project-status-change.entity';

export const PROJECT_COLLECTION: CollectionSpec = {
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
  relations: {
    programme: {
      description: 'Projects funded by a programme matching this filter.',
      target: () => FUNDING_PROGRAMME_COLLECTION,
      pairs: PAIRS.projectProgramme,
    },
    leadPole: {
      description: 'Projects led by a pole matching this filter.',
      target: () => POLE_COLLECTION,
      pairs: PAIRS.projectLeadPole,
    },
    coLabellingPole: {
      description: 'Projects co-labelled by a pole matching this filter.',
      target: () => POLE_COLLECTION,
      pairs: PAIRS.projectCoLabellingPole,
    },
    pole: {
      description: 'Projects led or co-labelled by a pole matching this filter.',
      target: () => POLE_COLLECTION,
      pairs: PAIRS.projectPole,
    },
    partner: {
      description: 'Projects with a partner (any role) matching this filter.',
      target: () => MEMBER_COLLECTION,
      pairs: PAIRS.projectPartnerMember,
    },
    coordinator: {
      description: 'Projects coordinated by a member matching this filter.',
      target: () => MEMBER_COLLECTION,
      pairs: PAIRS.projectCoordinator,
    },
    theme: {
      description: 'Projects with a theme matching this filter.',
      target: () => THEME_COLLECTION,
      pairs: PAIRS.projectTheme,
    },
    region: {
      description:
        'Projects whose lead pole is headquartered, or a partner located, in a region matching this filter.',
      target: () => REGION_COLLECTION,
      pairs: PAIRS.projectRegion,
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
};

export const PROJECT_PARTNER_COLLECTION: CollectionSpec = {
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
  relations: {
    project: {
      description: 'Partnerships in a project matching this filter.',
      target: () => PROJECT_COLLECTION,
      pairs: PAIRS.partnerProject,
    },
    member: {
      description: 'Partnerships of a member matching this filter.',
      target: () => MEMBER_COLLECTION,
      pairs: PAIRS.partnerMember,
    },
  },
  orderFields: { ROLE: 'role', BUDGET_SHARE: 'budgetSharePercent' },
  defaultOrder: [{ field: 'ROLE', direction: 'ASC' }],
  aggregateFields: ['budgetSharePercent'],
};

export const PROJECT_STATUS_CHANGE_COLLECTION: CollectionSpec = {
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
  relations: {
    project: {
      description: 'Changes of a project matching this filter.',
      target: () => PROJECT_COLLECTION,
      pairs: PAIRS.statusChangeProject,
    },
  },
  orderFields: { CHANGED_AT: 'changedAt' },
  defaultOrder: [{ field: 'CHANGED_AT', direction: 'ASC' }],
  aggregateFields: [],
};
