import { Role } from '../../server/src/auth/roles';
import type { ProjectStatus } from '../../server/src/project/project.enums';
import { PROJECT_TRANSITIONS } from '../../server/src/project/project-status.machine';
import type { TestDatabase } from './test-databases';
import type { TestEnvironment } from './test-environment';
import { bearerFor } from './tokens';

/** An open project as the live suites move it along its life cycle. */
export interface ProjectRow {
  id: string;
  status: ProjectStatus;
  version: number;
  totalBudget: string | null;
  leadPole: { slug: string };
}

export const CHANGE_STATUS = `mutation ChangeStatus($id: ID!, $to: ProjectStatus!, $expectedVersion: Int!) {
  changeProjectStatus(id: $id, to: $to, expectedVersion: $expectedVersion) {
    project { version status } userErrors { code }
  }
}`;
const PROJECTS = `query Projects($filter: ProjectFilter) {
  projects(filter: $filter, first: 100) { nodes { id status version totalBudget leadPole { slug } } }
}`;

/**
 * Open projects as region 84's officer sees them: in its region (their budget shows) or outside
 * it (null), with the officer's token. The seed has several on each side.
 */
export async function openProjectsAroundRegion84(
  api: TestEnvironment,
  database: TestDatabase,
): Promise<{
  officer84: { authorization: string };
  inRegion: ProjectRow[];
  outsideRegion: ProjectRow[];
}> {
  const officer84 = await bearerFor(database.dataSource, {
    role: Role.REGION_OFFICER,
    regionCode: '84',
  });
  const open = await api.query<{ projects: { nodes: ProjectRow[] } }>(
    PROJECTS,
    { filter: { status: { in: ['SUBMITTED', 'LABELLED', 'FUNDED'] } } },
    officer84,
  );
  const nodes = open.data!.projects.nodes;
  return {
    officer84,
    inRegion: nodes.filter((project) => project.totalBudget !== null),
    outsideRegion: nodes.filter((project) => project.totalBudget === null),
  };
}

/** Moves a project one step along its life cycle through `api` (an administrator's). */
export async function advance(api: TestEnvironment, project: ProjectRow): Promise<ProjectStatus> {
  const to = PROJECT_TRANSITIONS[project.status][0]!;
  const result = await api.query<{
    changeProjectStatus: { project: { version: number; status: ProjectStatus } };
  }>(CHANGE_STATUS, { id: project.id, to, expectedVersion: project.version });
  if (result.errors)
    throw new Error(`changeProjectStatus failed: ${JSON.stringify(result.errors)}`);
  project.version = result.data!.changeProjectStatus.project.version;
  project.status = to;
  return to;
}
