import { type DataSource, In } from 'typeorm';

import { PROJECT_COLLECTION } from '../project/project.collection';
import type { Project } from '../project/project.entity';
import { ProjectPartner } from '../project/project-partner.entity';
import { type ExportKind, groupedBy } from './export-kind';
import { LIST_SEPARATOR } from './import-kind';

/** The projects export: the import's columns, plus the partner count. */
export const PROJECT_EXPORT: ExportKind<Project> = {
  spec: PROJECT_COLLECTION,
  filterType: 'ProjectFilter',
  columns: [
    { header: 'acronym', description: 'Acronym.', value: (project) => project.acronym },
    { header: 'title', description: 'Full title.', value: (project) => project.title },
    {
      header: 'status',
      description:
        'DRAFT, SUBMITTED, LABELLED, FUNDED, IN_PROGRESS, COMPLETED, REJECTED or ABANDONED.',
      value: (project) => project.status,
    },
    {
      header: 'programmeCode',
      description: 'Code of the funding programme.',
      value: (project, { programmeCodeById }) => programmeCodeById.get(project.programmeId) ?? null,
    },
    {
      header: 'leadPoleSlug',
      description: 'Slug of the lead pole.',
      value: (project, { poleSlugById }) => poleSlugById.get(project.leadPoleId) ?? null,
    },
    {
      header: 'submittedOn',
      description: 'Submission date, YYYY-MM-DD.',
      value: (project) => project.submittedOn,
    },
    {
      header: 'decisionOn',
      description: 'Funding decision date.',
      value: (project) => project.decisionOn,
    },
    { header: 'startOn', description: 'Start date.', value: (project) => project.startOn },
    { header: 'endOn', description: 'End date.', value: (project) => project.endOn },
    {
      header: 'totalBudget',
      description: 'Total budget in euros.',
      amount: true,
      detail: true,
      value: (project) => project.totalBudget,
    },
    {
      header: 'publicFundingRequested',
      description: 'Public funding requested in euros.',
      amount: true,
      detail: true,
      value: (project) => project.publicFundingRequested,
    },
    {
      header: 'publicFundingGranted',
      description: 'Public funding granted in euros; empty when none yet.',
      amount: true,
      detail: true,
      value: (project) => project.publicFundingGranted,
    },
    {
      header: 'partnerCount',
      description: 'Number of partners (all roles).',
      value: (project, { partnerCountByProjectId }) => partnerCountByProjectId.get(project.id) ?? 0,
    },
    { header: 'summary', description: 'Public summary.', value: (project) => project.summary },
    {
      header: 'coLabellingPoleSlugs',
      description: '`|`-separated slugs of the co-labelling poles.',
      value: (project, { coLabellingSlugsByProjectId }) =>
        (coLabellingSlugsByProjectId.get(project.id) ?? []).join(LIST_SEPARATOR),
    },
    {
      header: 'themeCodes',
      description: '`|`-separated theme codes.',
      value: (project, { themeCodesByProjectId }) =>
        (themeCodesByProjectId.get(project.id) ?? []).join(LIST_SEPARATOR),
    },
    {
      header: 'partners',
      description: '`|`-separated `SIREN:ROLE:share` (share in percent), as the import reads them.',
      detail: true,
      value: (project, { partnersByProjectId }) =>
        (partnersByProjectId.get(project.id) ?? []).join(LIST_SEPARATOR),
    },
  ],
  async pageLookups(dataSource: DataSource, projects) {
    const partnerCountByProjectId = new Map<number, number>();
    if (projects.length === 0) return { partnerCountByProjectId };
    const ids = projects.map((project) => project.id);
    const [partnersByProjectId, coLabellingSlugsByProjectId, themeCodesByProjectId] =
      await Promise.all([
        groupedBy(
          dataSource,
          'SELECT pp.`projectId` AS ownerId, m.`siren` AS siren, pp.`role` AS role, ' +
            'pp.`budgetSharePercent` AS share FROM `project_partner` pp ' +
            'JOIN `member` m ON m.`id` = pp.`memberId` WHERE pp.`projectId` IN (:ids) ' +
            'ORDER BY pp.`projectId`, pp.`id`',
          ids,
          // A DECIMAL(5,2) percentage: the same two decimals from SQLite and MySQL.
          (row) => `${String(row.siren)}:${String(row.role)}:${Number(row.share).toFixed(2)}`,
        ),
        groupedBy(
          dataSource,
          'SELECT c.`projectId` AS ownerId, p.`slug` AS slug FROM `project_co_labelling_pole` c ' +
            'JOIN `pole` p ON p.`id` = c.`poleId` WHERE c.`projectId` IN (:ids) ORDER BY p.`slug`',
          ids,
          (row) => String(row.slug),
        ),
        groupedBy(
          dataSource,
          'SELECT pt.`projectId` AS ownerId, t.`code` AS code FROM `project_theme` pt ' +
            'JOIN `theme` t ON t.`id` = pt.`themeId` WHERE pt.`projectId` IN (:ids) ORDER BY t.`code`',
          ids,
          (row) => String(row.code),
        ),
      ]);
    const counts = await dataSource
      .createQueryBuilder(ProjectPartner, 'partner')
      .select('partner.projectId', 'projectId')
      .addSelect('COUNT(*)', 'partners')
      .where({ projectId: In(projects.map((project) => project.id)) })
      .groupBy('partner.projectId')
      .getRawMany<{ projectId: number | string; partners: number | string }>();
    for (const row of counts)
      partnerCountByProjectId.set(Number(row.projectId), Number(row.partners));
    return {
      partnerCountByProjectId,
      partnersByProjectId,
      coLabellingSlugsByProjectId,
      themeCodesByProjectId,
    };
  },
};
