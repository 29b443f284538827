import type { EntityManager } from 'typeorm';

import type { MutationScope } from '../auth/mutation-scope';
import { assertMayWrite } from '../auth/permission-policy';
import { refuse, UserErrorCode } from '../core/refusal';
import { toUnits } from '../core/scaled-decimal';
import { insertRecord, insertRow } from '../database/unit-of-work/insert-record';
import { refuseIfStale, updateIfCurrent } from '../database/unit-of-work/optimistic-update';
import { referencedId, referencedIds } from '../database/unit-of-work/references';
import { FundingProgramme } from '../funding-programme/funding-programme.entity';
import { Member } from '../member/member.entity';
import { Pole } from '../pole/pole.entity';
import { Theme } from '../theme/theme.entity';
import { Project } from './project.entity';
import { PartnerRole, ProjectStatus } from './project.enums';
import type {
  AddProjectPartnerInput,
  CreateProjectInput,
  ProjectPartnerInput,
  RemoveProjectPartnerInput,
  UpdateProjectInput,
} from './project.input';
import { ProjectPartner } from './project-partner.entity';
import { allowedTransitions, DATE_SET_BY_STATUS } from './project-status.machine';
import { ProjectStatusChange } from './project-status-change.entity';

type Field = string[];

const today = () => new Date().toISOString().slice(0, 10);

/** Dates in the order a project lives them; an empty date is skipped. */
function checkDates(
  project: Pick<Project, 'submittedOn' | 'decisionOn' | 'startOn' | 'endOn'>,
): void {
  const order = ['submittedOn', 'decisionOn', 'startOn', 'endOn'] as const;
  let previous: (typeof order)[number] | null = null;
  for (const name of order) {
    const value = project[name];
    if (!value) continue;
    if (previous && value < project[previous]!) {
      refuse(
        UserErrorCode.INVALID,
        ['input', name],
        `${name} (${value}) comes before ${previous} (${project[previous]})`,
      );
    }
    previous = name;
  }
}

function checkAmounts(
  project: Pick<Project, 'totalBudget' | 'publicFundingRequested' | 'publicFundingGranted'>,
): void {
  const budget = toUnits(project.totalBudget, 2);
  for (const name of ['publicFundingRequested', 'publicFundingGranted'] as const) {
    const value = project[name];
    if (value !== null && toUnits(value, 2) > budget) {
      refuse(
        UserErrorCode.INVALID,
        ['input', name],
        `${name} (${value} €) exceeds the total budget (${project.totalBudget} €)`,
      );
    }
  }
}

/** Distinct members, one coordinator at most, shares adding up to 100 % at most. */
function checkConsortium(
  partners: readonly { memberId: number; role: PartnerRole; budgetSharePercent: string }[],
  field: Field,
): void {
  const seen = new Set<number>();
  let coordinators = 0;
  let hundredths = 0;
  partners.forEach((partner, index) => {
    if (seen.has(partner.memberId)) {
      refuse(
        UserErrorCode.DUPLICATE,
        [...field, String(index), 'memberId'],
        'This member is already a partner of the project',
      );
    }
    seen.add(partner.memberId);
    if (partner.role === PartnerRole.COORDINATOR && ++coordinators > 1) {
      refuse(
        UserErrorCode.INVALID,
        [...field, String(index), 'role'],
        'A project has one coordinator at most',
      );
    }
    hundredths += toUnits(partner.budgetSharePercent, 2);
  });
  if (hundredths > 100_00) {
    refuse(
      UserErrorCode.INVALID,
      field,
      `Partner budget shares add up to ${(hundredths / 100).toFixed(2)} %, more than 100 %`,
    );
  }
}

async function partnersOf(manager: EntityManager, projectId: number): Promise<ProjectPartner[]> {
  return manager.find(ProjectPartner, { where: { projectId }, order: { id: 'ASC' } });
}

/** The project, or NOT_FOUND on `field`. */
async function existingProject(
  manager: EntityManager,
  globalId: string,
  field: Field,
): Promise<Project> {
  const id = await referencedId(manager, Project, globalId, field);
  return manager.findOneByOrFail(Project, { id });
}

async function replaceLinks(
  manager: EntityManager,
  projectId: number,
  relation: 'coLabellingPoles' | 'themes',
  ids: number[],
): Promise<void> {
  const builder = manager.createQueryBuilder().relation(Project, relation).of(projectId);
  const current = (await builder.loadMany<{ id: number }>()).map((row) => row.id);
  await builder.addAndRemove(
    ids.filter((id) => !current.includes(id)),
    current.filter((id) => !ids.includes(id)),
  );
}

async function resolvePartners(
  manager: EntityManager,
  partners: readonly ProjectPartnerInput[],
  field: Field,
) {
  const memberIds = await referencedIds(
    manager,
    Member,
    partners.map((partner) => partner.memberId),
    field,
  );
  return partners.map((partner, index) => ({
    memberId: memberIds[index],
    role: partner.role,
    budgetSharePercent: partner.budgetSharePercent,
  }));
}

export async function createProject(
  { manager, audit, caller }: MutationScope,
  input: CreateProjectInput,
): Promise<{ project: Project }> {
  const leadPoleId = await referencedId(manager, Pole, input.leadPoleId, ['input', 'leadPoleId']);
  // The right first: a caller who may not write here learns nothing from the other checks.
  assertMayWrite(caller, 'manageProjectsOfPole', { poleId: leadPoleId });
  if (await manager.existsBy(Project, { acronym: input.acronym })) {
    refuse(
      UserErrorCode.DUPLICATE,
      ['input', 'acronym'],
      `A project is already named ${input.acronym}`,
    );
  }
  const programmeId = await referencedId(manager, FundingProgramme, input.programmeId, [
    'input',
    'programmeId',
  ]);
  const coLabellingPoleIds = await referencedIds(manager, Pole, input.coLabellingPoleIds ?? [], [
    'input',
    'coLabellingPoleIds',
  ]);
  if (coLabellingPoleIds.includes(leadPoleId)) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'coLabellingPoleIds'],
      'The lead pole cannot also co-label its project',
    );
  }
  const themeIds = await referencedIds(manager, Theme, input.themeIds ?? [], ['input', 'themeIds']);
  const partners = await resolvePartners(manager, input.partners, ['input', 'partners']);
  checkConsortium(partners, ['input', 'partners']);
  const values = {
    acronym: input.acronym,
    title: input.title,
    summary: input.summary,
    programmeId,
    leadPoleId,
    coordinatorId:
      partners.find((partner) => partner.role === PartnerRole.COORDINATOR)?.memberId ?? null,
    status: ProjectStatus.DRAFT,
    submittedOn: input.submittedOn ?? null,
    decisionOn: input.decisionOn ?? null,
    startOn: input.startOn ?? null,
    endOn: input.endOn ?? null,
    totalBudget: input.totalBudget,
    publicFundingRequested: input.publicFundingRequested,
    publicFundingGranted: input.publicFundingGranted ?? null,
  };
  checkDates(values);
  checkAmounts(values);

  const projectId = await insertRow(manager, Project, values);
  if (partners.length > 0)
    await manager.insert(
      ProjectPartner,
      partners.map((partner) => ({ ...partner, projectId })),
    );
  await replaceLinks(manager, projectId, 'coLabellingPoles', coLabellingPoleIds);
  await replaceLinks(manager, projectId, 'themes', themeIds);
  await manager.insert(ProjectStatusChange, {
    projectId,
    fromStatus: null,
    toStatus: ProjectStatus.DRAFT,
    changedAt: new Date(),
    changedBy: caller.name,
    comment: 'Created',
  });
  const project = await manager.findOneByOrFail(Project, { id: projectId });
  audit.record('Project', projectId, null, project);
  return { project };
}

export async function updateProject(
  { manager, audit, caller }: MutationScope,
  input: UpdateProjectInput,
): Promise<{ project: Project }> {
  const project = await existingProject(manager, input.id, ['input', 'id']);
  assertMayWrite(caller, 'manageProjectsOfPole', { poleId: project.leadPoleId });
  const changes: Partial<Project> = {};
  for (const name of [
    'title',
    'summary',
    'submittedOn',
    'decisionOn',
    'startOn',
    'endOn',
    'totalBudget',
    'publicFundingRequested',
    'publicFundingGranted',
  ] as const) {
    if (input[name] !== undefined) Object.assign(changes, { [name]: input[name] });
  }
  for (const name of ['title', 'summary', 'totalBudget', 'publicFundingRequested'] as const) {
    if (changes[name] === null)
      refuse(UserErrorCode.INVALID, ['input', name], `${name} cannot be emptied`);
  }
  if (input.programmeId != null)
    changes.programmeId = await referencedId(manager, FundingProgramme, input.programmeId, [
      'input',
      'programmeId',
    ]);
  if (input.leadPoleId != null) {
    changes.leadPoleId = await referencedId(manager, Pole, input.leadPoleId, [
      'input',
      'leadPoleId',
    ]);
    // Handing a project over to another pole needs the right on that pole too.
    assertMayWrite(caller, 'manageProjectsOfPole', { poleId: changes.leadPoleId });
  }
  const merged = { ...project, ...changes };
  checkDates(merged);
  checkAmounts(merged);
  const coLabellingPoleIds =
    input.coLabellingPoleIds &&
    (await referencedIds(manager, Pole, input.coLabellingPoleIds, ['input', 'coLabellingPoleIds']));
  if (coLabellingPoleIds?.includes(merged.leadPoleId)) {
    refuse(
      UserErrorCode.INVALID,
      ['input', 'coLabellingPoleIds'],
      'The lead pole cannot also co-label its project',
    );
  }
  const themeIds =
    input.themeIds && (await referencedIds(manager, Theme, input.themeIds, ['input', 'themeIds']));

  const updated = await updateIfCurrent(manager, Project, project, input.expectedVersion, changes);
  if (coLabellingPoleIds)
    await replaceLinks(manager, project.id, 'coLabellingPoles', coLabellingPoleIds);
  if (themeIds) await replaceLinks(manager, project.id, 'themes', themeIds);
  audit.record('Project', project.id, project, updated);
  return { project: updated };
}

export async function addProjectPartner(
  { manager, audit, caller }: MutationScope,
  input: AddProjectPartnerInput,
): Promise<{ project: Project }> {
  const project = await existingProject(manager, input.projectId, ['input', 'projectId']);
  assertMayWrite(caller, 'manageProjectsOfPole', { poleId: project.leadPoleId });
  const [added] = await resolvePartners(manager, [input], ['input']);
  const partners = [...(await partnersOf(manager, project.id)), added];
  checkConsortium(partners, ['input']);
  const coordinatorId =
    added.role === PartnerRole.COORDINATOR ? added.memberId : project.coordinatorId;
  const updated = await updateIfCurrent(manager, Project, project, input.expectedVersion, {
    coordinatorId,
  });
  const partner = await insertRecord(manager, ProjectPartner, { ...added, projectId: project.id });
  audit.record('ProjectPartner', partner.id, null, partner);
  if (coordinatorId !== project.coordinatorId)
    audit.record('Project', project.id, project, updated);
  return { project: updated };
}

export async function removeProjectPartner(
  { manager, audit, caller }: MutationScope,
  input: RemoveProjectPartnerInput,
): Promise<{ project: Project }> {
  const project = await existingProject(manager, input.projectId, ['input', 'projectId']);
  assertMayWrite(caller, 'manageProjectsOfPole', { poleId: project.leadPoleId });
  const memberId = await referencedId(manager, Member, input.memberId, ['input', 'memberId']);
  const partner = await manager.findOneBy(ProjectPartner, { projectId: project.id, memberId });
  if (!partner)
    refuse(
      UserErrorCode.NOT_FOUND,
      ['input', 'memberId'],
      'This member is not a partner of the project',
    );
  const coordinatorId = project.coordinatorId === memberId ? null : project.coordinatorId;
  const updated = await updateIfCurrent(manager, Project, project, input.expectedVersion, {
    coordinatorId,
  });
  await manager.delete(ProjectPartner, { id: partner.id });
  audit.record('ProjectPartner', partner.id, partner, null);
  if (coordinatorId !== project.coordinatorId)
    audit.record('Project', project.id, project, updated);
  return { project: updated };
}

export interface ChangeProjectStatusArgs {
  id: string;
  to: ProjectStatus;
  comment?: string | null;
  expectedVersion: number;
}

/**
 * Moves a project along its life cycle and writes the step into its history, in the same
 * transaction; a transition the state machine forbids is refused with the allowed ones named.
 */
export async function changeProjectStatus(
  { manager, audit, caller }: MutationScope,
  args: ChangeProjectStatusArgs,
): Promise<{ project: Project; statusChange: ProjectStatusChange }> {
  const project = await existingProject(manager, args.id, ['id']);
  assertMayWrite(caller, 'manageProjectsOfPole', { poleId: project.leadPoleId });
  // A caller who acted on an older version is told so first: the status it saw may be gone.
  refuseIfStale(Project, project, args.expectedVersion, ['expectedVersion']);
  const allowed = allowedTransitions(project.status);
  if (!allowed.includes(args.to)) {
    refuse(
      UserErrorCode.FORBIDDEN_TRANSITION,
      ['to'],
      `A ${project.status} project cannot become ${args.to}; ` +
        (allowed.length > 0
          ? `it can become ${allowed.join(', ')}`
          : 'it is closed and can no longer change'),
    );
  }
  if (args.comment && args.comment.length > 2000)
    refuse(UserErrorCode.INVALID, ['comment'], 'comment takes 2,000 characters at most');
  const changes: Partial<Project> = { status: args.to };
  const dateField = DATE_SET_BY_STATUS[args.to];
  if (dateField && !project[dateField]) changes[dateField] = today();
  const updated = await updateIfCurrent(manager, Project, project, args.expectedVersion, changes, [
    'expectedVersion',
  ]);
  const statusChange = await insertRecord(manager, ProjectStatusChange, {
    projectId: project.id,
    fromStatus: project.status,
    toStatus: args.to,
    changedAt: new Date(),
    changedBy: caller.name,
    comment: args.comment ?? null,
  });
  audit.record('Project', project.id, project, updated);
  // The history row is a change of its own: subscribers of projectStatusChanged receive it.
  audit.record('ProjectStatusChange', statusChange.id, null, statusChange);
  return { project: updated, statusChange };
}
