import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import { ProjectStatus } from '../../server/src/project/project.enums';
import { PROJECT_TRANSITIONS } from '../../server/src/project/project-status.machine';
import { globalId } from '../helpers/graphql-ids';
import { rowCounts } from '../helpers/row-counts';
import { countStatements } from '../helpers/statement-counter';
import {
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN } from '../helpers/tokens';
import { type UserError } from '../helpers/write-assertions';

interface ProjectResult {
  id: string;
  acronym: string;
  status: ProjectStatus;
  version: number;
  coordinator: { name: string } | null;
  partners: { role: string; budgetSharePercent: string; member: { id: string } }[];
  history: {
    fromStatus: string | null;
    toStatus: string;
    changedBy: string;
    comment: string | null;
  }[];
}

const PROJECT_FIELDS = `id acronym status version coordinator { name }
  partners { role budgetSharePercent member { id } }
  history { fromStatus toStatus changedBy comment }`;

const CREATE_PROJECT = `mutation CreateProject($input: CreateProjectInput!) {
  createProject(input: $input) { project { ${PROJECT_FIELDS} } userErrors { field message code } }
}`;
const CHANGE_STATUS = `mutation ChangeStatus($id: ID!, $to: ProjectStatus!, $expectedVersion: Int!, $comment: String) {
  changeProjectStatus(id: $id, to: $to, expectedVersion: $expectedVersion, comment: $comment) {
    project { ${PROJECT_FIELDS} } statusChange { fromStatus toStatus } userErrors { field message code }
  }
}`;

const WRITTEN_TABLES = [
  'project',
  'project_partner',
  'project_status_change',
  'project_theme',
  'project_co_labelling_pole',
  'audit_log_entry',
];

/** Row counts of the tables this suite's writes touch. */
const countRows = (dataSource: DataSource) => rowCounts(dataSource, WRITTEN_TABLES);

/** The path through the life cycle from DRAFT to `status`. */
function pathTo(status: ProjectStatus): ProjectStatus[] {
  const { SUBMITTED, LABELLED, FUNDED, IN_PROGRESS, COMPLETED, REJECTED, ABANDONED, DRAFT } =
    ProjectStatus;
  const paths: Record<ProjectStatus, ProjectStatus[]> = {
    [DRAFT]: [],
    [SUBMITTED]: [SUBMITTED],
    [LABELLED]: [SUBMITTED, LABELLED],
    [FUNDED]: [SUBMITTED, LABELLED, FUNDED],
    [IN_PROGRESS]: [SUBMITTED, LABELLED, FUNDED, IN_PROGRESS],
    [COMPLETED]: [SUBMITTED, LABELLED, FUNDED, IN_PROGRESS, COMPLETED],
    [REJECTED]: [SUBMITTED, REJECTED],
    [ABANDONED]: [ABANDONED],
  };
  return paths[status];
}

describe.each(testDatabaseKinds())('project mutations on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  let members: string[];
  let poles: string[];
  let programme: string;
  let theme: string;
  let sequence = 0;

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'projects');
    api = await createTestEnvironment(database, {}, { as: ADMIN });
    const ids = async (sql: string) =>
      ((await database.dataSource.query(sql)) as { id: number }[]).map((row) => row.id);
    members = (await ids('SELECT id FROM member ORDER BY id LIMIT 6')).map((id) =>
      globalId('Member', id),
    );
    poles = (await ids('SELECT id FROM pole ORDER BY id LIMIT 3')).map((id) =>
      globalId('Pole', id),
    );
    programme = globalId(
      'FundingProgramme',
      (await ids("SELECT id FROM funding_programme WHERE code = 'FUI'"))[0],
    );
    theme = globalId('Theme', (await ids('SELECT id FROM theme ORDER BY id LIMIT 1'))[0]);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  function projectInput(overrides: Record<string, unknown> = {}) {
    sequence += 1;
    return {
      acronym: `TEST-${kind.toUpperCase()}-${sequence}`,
      title: 'Capteurs pour la maintenance prédictive',
      summary: 'Un projet collaboratif de test.',
      programmeId: programme,
      leadPoleId: poles[0],
      coLabellingPoleIds: [poles[1]],
      themeIds: [theme],
      submittedOn: '2025-02-01',
      totalBudget: '1200000.00',
      publicFundingRequested: '600000.00',
      partners: [
        { memberId: members[0], role: 'COORDINATOR', budgetSharePercent: '50.00' },
        { memberId: members[1], role: 'PARTNER', budgetSharePercent: '30.00' },
        { memberId: members[2], role: 'SUBCONTRACTOR', budgetSharePercent: '20.00' },
      ],
      ...overrides,
    };
  }

  async function createProject(overrides: Record<string, unknown> = {}) {
    const response = await api.query<{
      createProject: { project: ProjectResult | null; userErrors: UserError[] };
    }>(CREATE_PROJECT, { input: projectInput(overrides) });
    expect(response.errors).toBeUndefined();
    return response.data!.createProject;
  }

  async function changeStatus(
    id: string,
    to: ProjectStatus,
    expectedVersion: number,
    comment?: string,
  ) {
    const response = await api.query<{
      changeProjectStatus: {
        project: ProjectResult | null;
        statusChange: unknown;
        userErrors: UserError[];
      };
    }>(CHANGE_STATUS, { id, to, expectedVersion, comment });
    expect(response.errors).toBeUndefined();
    return response.data!.changeProjectStatus;
  }

  describe('createProject', () => {
    it('creates a DRAFT project with its consortium, history and audit entry in one go', async () => {
      const before = await countRows(database.dataSource);
      const { project, userErrors } = await createProject();
      expect(userErrors).toEqual([]);
      expect(project).toMatchObject({
        status: 'DRAFT',
        version: 1,
        coordinator: { name: expect.any(String) },
        partners: [
          { role: 'COORDINATOR', budgetSharePercent: '50.00', member: { id: members[0] } },
          { role: 'PARTNER', budgetSharePercent: '30.00', member: { id: members[1] } },
          { role: 'SUBCONTRACTOR', budgetSharePercent: '20.00', member: { id: members[2] } },
        ],
        history: [
          {
            fromStatus: null,
            toStatus: 'DRAFT',
            changedBy: 'Test administrator',
            comment: 'Created',
          },
        ],
      });
      const after = await countRows(database.dataSource);
      expect(after).toEqual({
        project: before.project + 1,
        project_partner: before.project_partner + 3,
        project_status_change: before.project_status_change + 1,
        project_theme: before.project_theme + 1,
        project_co_labelling_pole: before.project_co_labelling_pole + 1,
        audit_log_entry: before.audit_log_entry + 1,
      });
    });

    it.each([
      [
        'a duplicate acronym',
        () => ({ acronym: 'DUPLICATE-ME' }),
        'DUPLICATE',
        ['input', 'acronym'],
      ],
      [
        'an unknown lead pole',
        () => ({ leadPoleId: globalId('Pole', 999999) }),
        'NOT_FOUND',
        ['input', 'leadPoleId'],
      ],
      [
        'a member id given as pole',
        () => ({ leadPoleId: globalId('Member', 1) }),
        'INVALID',
        ['input', 'leadPoleId'],
      ],
      [
        'an unknown partner',
        (m: string[]) => ({
          partners: [
            { memberId: m[0], role: 'COORDINATOR', budgetSharePercent: '10' },
            { memberId: globalId('Member', 999999), role: 'PARTNER', budgetSharePercent: '10' },
          ],
        }),
        'NOT_FOUND',
        ['input', 'partners', '1'],
      ],
      [
        'shares above 100 %',
        (m: string[]) => ({
          partners: [
            { memberId: m[0], role: 'COORDINATOR', budgetSharePercent: '60.00' },
            { memberId: m[1], role: 'PARTNER', budgetSharePercent: '40.01' },
          ],
        }),
        'INVALID',
        ['input', 'partners'],
      ],
      [
        'two coordinators',
        (m: string[]) => ({
          partners: [
            { memberId: m[0], role: 'COORDINATOR', budgetSharePercent: '10' },
            { memberId: m[1], role: 'COORDINATOR', budgetSharePercent: '10' },
          ],
        }),
        'INVALID',
        ['input', 'partners', '1', 'role'],
      ],
      [
        'the same member twice',
        (m: string[]) => ({
          partners: [
            { memberId: m[0], role: 'COORDINATOR', budgetSharePercent: '10' },
            { memberId: m[0], role: 'PARTNER', budgetSharePercent: '10' },
          ],
        }),
        'DUPLICATE',
        ['input', 'partners', '1', 'memberId'],
      ],
      [
        'a share with three decimals',
        (m: string[]) => ({
          partners: [{ memberId: m[0], role: 'COORDINATOR', budgetSharePercent: '10.005' }],
        }),
        'INVALID',
        ['input', 'partners', '0', 'budgetSharePercent'],
      ],
      ['a negative budget', () => ({ totalBudget: '-5.00' }), 'INVALID', ['input', 'totalBudget']],
      [
        'funding granted above the budget',
        () => ({ publicFundingGranted: '1200000.01' }),
        'INVALID',
        ['input', 'publicFundingGranted'],
      ],
      [
        'a decision before the submission',
        () => ({ decisionOn: '2025-01-31' }),
        'INVALID',
        ['input', 'decisionOn'],
      ],
      [
        'an acronym with spaces',
        () => ({ acronym: 'MY PROJECT' }),
        'INVALID',
        ['input', 'acronym'],
      ],
    ])(
      'refuses %s, naming the field, and writes nothing',
      async (_label, overrides, code, field) => {
        if (code === 'DUPLICATE' && field[1] === 'acronym') {
          const first = await createProject({ acronym: 'DUPLICATE-ME' });
          if (first.userErrors.length > 0) expect(first.userErrors[0].code).toBe('DUPLICATE'); // second database run
        }
        const before = await countRows(database.dataSource);
        const { project, userErrors } = await createProject(overrides(members));
        expect(project).toBeNull();
        expect(userErrors).toEqual([{ code, field, message: expect.any(String) }]);
        expect(userErrors[0].message.length).toBeGreaterThan(10);
        expect(await countRows(database.dataSource)).toEqual(before);
      },
    );
  });

  describe('changeProjectStatus', () => {
    const statuses = Object.values(ProjectStatus);
    const table = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));

    it.each(table)('%s → %s follows the state machine', async (from, to) => {
      const { project } = await createProject();
      let current = project!;
      for (const step of pathTo(from)) {
        const moved = await changeStatus(current.id, step, current.version);
        expect(moved.userErrors).toEqual([]);
        current = moved.project!;
      }
      expect(current.status).toBe(from);
      const before = await countRows(database.dataSource);
      const result = await changeStatus(current.id, to, current.version, 'test step');
      const allowed = PROJECT_TRANSITIONS[from];
      if (allowed.includes(to)) {
        expect(result.userErrors).toEqual([]);
        expect(result.project).toMatchObject({ status: to, version: current.version + 1 });
        expect(result.project!.history.at(-1)).toEqual({
          fromStatus: from,
          toStatus: to,
          changedBy: 'Test administrator',
          comment: 'test step',
        });
        expect(result.statusChange).toEqual({ fromStatus: from, toStatus: to });
      } else {
        expect(result.project).toBeNull();
        expect(result.userErrors).toEqual([
          {
            code: 'FORBIDDEN_TRANSITION',
            field: ['to'],
            message: expect.stringContaining(`A ${from} project cannot become ${to}`),
          },
        ]);
        for (const allowedStatus of allowed)
          expect(result.userErrors[0].message).toContain(allowedStatus);
        expect(await countRows(database.dataSource)).toEqual(before);
      }
    });

    it('sends the same statements whatever project it moves: numbers are bound, not written into the SQL', async () => {
      // Three projects moved alike; the first move reads what the commit before dropped, the
      // second and third must send the very same statements (a number written into the SQL
      // would make each a statement the database has to parse and plan anew).
      const statementsOfMove = async () => {
        const { project } = await createProject();
        const { statements } = await countStatements(database.dataSource, () =>
          changeStatus(project!.id, ProjectStatus.SUBMITTED, project!.version),
        );
        return statements;
      };
      await statementsOfMove();
      const [second, third] = [await statementsOfMove(), await statementsOfMove()];
      expect(second.some((sql) => /^UPDATE/i.test(sql))).toBe(true);
      expect(second.some((sql) => /^INSERT/i.test(sql))).toBe(true);
      expect(third).toEqual(second);
    });

    it('refuses a stale version and changes nothing', async () => {
      const { project } = await createProject();
      const submitted = await changeStatus(project!.id, ProjectStatus.SUBMITTED, project!.version);
      const before = await countRows(database.dataSource);
      const stale = await changeStatus(project!.id, ProjectStatus.LABELLED, project!.version);
      expect(stale.userErrors).toEqual([
        {
          code: 'STALE_VERSION',
          field: ['expectedVersion'],
          message: expect.stringContaining('read it again'),
        },
      ]);
      expect(await countRows(database.dataSource)).toEqual(before);
      expect(submitted.project!.status).toBe('SUBMITTED');
    });

    it('lets exactly one of 20 concurrent changes win, with a history without gap or duplicate', async () => {
      const { project } = await createProject();
      const attempts = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          changeStatus(project!.id, ProjectStatus.SUBMITTED, project!.version, `attempt ${index}`),
        ),
      );
      const winners = attempts.filter((attempt) => attempt.userErrors.length === 0);
      const losers = attempts.filter((attempt) => attempt.userErrors.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers.map((loser) => loser.userErrors[0].code)).toEqual(
        Array(19).fill('STALE_VERSION'),
      );
      const history = (await database.dataSource.query(
        'SELECT fromStatus, toStatus FROM project_status_change WHERE projectId = ? ORDER BY id',
        [Number(Buffer.from(project!.id, 'base64url').toString().split(':')[1])],
      )) as { fromStatus: string | null; toStatus: string }[];
      expect(history).toEqual([
        { fromStatus: null, toStatus: 'DRAFT' },
        { fromStatus: 'DRAFT', toStatus: 'SUBMITTED' },
      ]);

      // The next version is contested again, and again exactly one wins.
      const next = await Promise.all(
        Array.from({ length: 20 }, () =>
          changeStatus(project!.id, ProjectStatus.LABELLED, project!.version + 1),
        ),
      );
      expect(next.filter((attempt) => attempt.userErrors.length === 0)).toHaveLength(1);
    });
  });

  describe('updateProject and partners', () => {
    it('updates fields at the expected version, and refuses a stale one', async () => {
      const { project } = await createProject();
      const UPDATE = `mutation Update($input: UpdateProjectInput!) { updateProject(input: $input) {
        project { title version totalBudget themes { code } coLabellingPoles { id } } userErrors { field code message } } }`;
      const updated = await api.query<{
        updateProject: {
          project: {
            title: string;
            version: number;
            totalBudget: string;
            themes: unknown[];
            coLabellingPoles: unknown[];
          };
          userErrors: UserError[];
        };
      }>(UPDATE, {
        input: {
          id: project!.id,
          expectedVersion: 1,
          title: 'Nouveau titre',
          totalBudget: '1500000.00',
          themeIds: [],
          coLabellingPoleIds: [poles[2]],
        },
      });
      expect(updated.data!.updateProject).toEqual({
        project: {
          title: 'Nouveau titre',
          version: 2,
          totalBudget: '1500000.00',
          themes: [],
          coLabellingPoles: [{ id: poles[2] }],
        },
        userErrors: [],
      });
      const stale = await api.query<{ updateProject: { project: null; userErrors: UserError[] } }>(
        UPDATE,
        {
          input: { id: project!.id, expectedVersion: 1, title: 'Trop tard' },
        },
      );
      expect(stale.data!.updateProject.userErrors[0]).toMatchObject({
        code: 'STALE_VERSION',
        field: ['input', 'expectedVersion'],
      });
    });

    it('adds and removes partners, keeping shares within 100 %', async () => {
      const { project } = await createProject();
      const ADD = `mutation Add($input: AddProjectPartnerInput!) { addProjectPartner(input: $input) {
        project { version partners { member { id } } } userErrors { field code message } } }`;
      const REMOVE = `mutation Remove($input: RemoveProjectPartnerInput!) { removeProjectPartner(input: $input) {
        project { version coordinator { name } partners { member { id } } } userErrors { field code message } } }`;
      const tooMuch = await api.query<{ addProjectPartner: { userErrors: UserError[] } }>(ADD, {
        input: {
          projectId: project!.id,
          expectedVersion: 1,
          memberId: members[3],
          role: 'PARTNER',
          budgetSharePercent: '0.01',
        },
      });
      expect(tooMuch.data!.addProjectPartner.userErrors[0]).toMatchObject({
        code: 'INVALID',
        field: ['input'],
      });
      const removed = await api.query<{
        removeProjectPartner: {
          project: { version: number; coordinator: null; partners: unknown[] };
        };
      }>(REMOVE, {
        input: { projectId: project!.id, expectedVersion: 1, memberId: members[0] },
      });
      expect(removed.data!.removeProjectPartner.project).toEqual({
        version: 2,
        coordinator: null,
        partners: [{ member: { id: members[1] } }, { member: { id: members[2] } }],
      });
      const added = await api.query<{
        addProjectPartner: {
          project: { version: number; partners: unknown[] };
          userErrors: UserError[];
        };
      }>(ADD, {
        input: {
          projectId: project!.id,
          expectedVersion: 2,
          memberId: members[3],
          role: 'COORDINATOR',
          budgetSharePercent: '50.00',
        },
      });
      expect(added.data!.addProjectPartner.userErrors).toEqual([]);
      expect(added.data!.addProjectPartner.project.partners).toHaveLength(3);
    });
  });

  describe('auditLog', () => {
    it('records who changed what, before and after', async () => {
      const { project } = await createProject();
      await changeStatus(project!.id, ProjectStatus.SUBMITTED, 1, 'ready');
      const response = await api.query<{
        auditLog: {
          nodes: {
            operation: string;
            actor: string;
            recordType: string;
            recordGlobalId: string;
            changes: { field: string; before: string | null; after: string | null }[];
          }[];
        };
      }>(
        `query Audit($filter: AuditLogEntryFilter) { auditLog(first: 2, filter: $filter) {
          nodes { operation actor recordType recordGlobalId changes { field before after } } } }`,
        { filter: { recordType: { eq: 'Project' } } },
      );
      expect(response.errors).toBeUndefined();
      const [latest, creation] = response.data!.auditLog.nodes;
      expect(latest).toMatchObject({
        operation: 'changeProjectStatus',
        actor: 'Test administrator',
        recordType: 'Project',
        recordGlobalId: project!.id,
      });
      expect(latest.changes).toEqual(
        expect.arrayContaining([{ field: 'status', before: 'DRAFT', after: 'SUBMITTED' }]),
      );
      expect(creation).toMatchObject({ operation: 'createProject', recordGlobalId: project!.id });
      expect(creation.changes).toEqual(
        expect.arrayContaining([{ field: 'acronym', before: null, after: project!.acronym }]),
      );
    });
  });
});
