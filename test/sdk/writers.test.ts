import 'reflect-metadata';

import {
  assertNoUserErrors,
  createClient,
  type CreateProjectInput,
  graphql,
  type PoleGraphClient,
  PoleGraphError,
} from '@polegraph/client';

import {
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN, bearerFor } from '../helpers/tokens';

/** Rejects with the PoleGraphError `promise` fails with, failing the test if it resolves. */
async function failureOf(promise: Promise<unknown>): Promise<PoleGraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PoleGraphError) return error;
    throw error;
  }
  throw new Error('expected a PoleGraphError, got a result');
}

const References = graphql(`
  query References {
    fundingProgramme(code: "FUI") {
      id
    }
    poles(first: 1, orderBy: [{ field: NAME, direction: ASC }]) {
      nodes {
        id
      }
    }
    members(first: 2, orderBy: [{ field: NAME, direction: ASC }]) {
      nodes {
        id
      }
    }
  }
`);

describe.each(testDatabaseKinds())('the SDK writer operations on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  let client: PoleGraphClient;
  let input: CreateProjectInput;

  beforeAll(async () => {
    // Writes: a database of the suite's own, seeded like the shared one.
    database = await createSeededDatabase(kind, 'sdk_writers');
    api = await createTestEnvironment(database);
    const { authorization } = await bearerFor(database.dataSource, ADMIN);
    client = createClient({ url: api.url, token: authorization.replace(/^Bearer /, '') });
    const { fundingProgramme, poles, members } = await client.request(References);
    input = {
      acronym: 'SDK-TEST-1',
      title: 'A project created through the SDK',
      summary: 'Checks the writer operations of @polegraph/client.',
      leadPoleId: poles.nodes[0].id,
      programmeId: fundingProgramme?.id ?? '',
      totalBudget: '1000000.00',
      publicFundingRequested: '400000.00',
      partners: [
        { memberId: members.nodes[0].id, role: 'COORDINATOR', budgetSharePercent: '60.00' },
        { memberId: members.nodes[1].id, role: 'PARTNER', budgetSharePercent: '40.00' },
      ],
    };
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('createProjectWithPartners creates a DRAFT project with its consortium', async () => {
    const { createProject } = await client.createProjectWithPartners({ input });
    expect(createProject.userErrors).toEqual([]);
    expect(createProject.project).toMatchObject({
      acronym: 'SDK-TEST-1',
      status: 'DRAFT',
      totalBudget: '1000000.00',
    });
    expect(createProject.project?.partners?.map((partner) => partner.role).sort()).toEqual([
      'COORDINATOR',
      'PARTNER',
    ]);
  });

  it('throws the userErrors of a refused creation as a PoleGraphError', async () => {
    const error = await failureOf(client.createProjectWithPartners({ input }));
    expect(error).toMatchObject({
      code: 'DUPLICATE',
      path: ['createProject'],
      operationName: 'CreateProjectWithPartners',
    });
    expect(error.userErrors[0]).toMatchObject({
      code: 'DUPLICATE',
      field: expect.arrayContaining(['acronym']),
    });
  });

  it('changeProjectStatus moves the project on and records the step', async () => {
    const { project } = await client.projectTimeline({ acronym: 'SDK-TEST-1' });
    const { changeProjectStatus } = await client.changeProjectStatus({
      id: project?.id ?? '',
      to: 'SUBMITTED',
      expectedVersion: (await versionOf('SDK-TEST-1')) ?? -1,
      comment: 'Ready for the label',
    });
    expect(changeProjectStatus.project?.status).toBe('SUBMITTED');
    expect(changeProjectStatus.statusChange).toMatchObject({
      fromStatus: 'DRAFT',
      toStatus: 'SUBMITTED',
      comment: 'Ready for the label',
    });
  });

  it('returns typed userErrors when asked, and assertNoUserErrors throws them', async () => {
    const { project } = await client.projectTimeline({ acronym: 'SDK-TEST-1' });
    const { changeProjectStatus } = await client.changeProjectStatus(
      { id: project?.id ?? '', to: 'LABELLED', expectedVersion: 0 },
      { throwOnUserErrors: false },
    );
    expect(changeProjectStatus.userErrors.map((userError) => userError.code)).toEqual([
      'STALE_VERSION',
    ]);
    expect(() => assertNoUserErrors(changeProjectStatus, 'ChangeProjectStatus')).toThrow(
      expect.objectContaining({ code: 'STALE_VERSION' }),
    );
  });

  it('refuses a step the life cycle does not allow', async () => {
    const { project } = await client.projectTimeline({ acronym: 'SDK-TEST-1' });
    const error = await failureOf(
      client.changeProjectStatus({
        id: project?.id ?? '',
        to: 'COMPLETED',
        expectedVersion: (await versionOf('SDK-TEST-1')) ?? -1,
      }),
    );
    expect(error.code).toBe('FORBIDDEN_TRANSITION');
  });

  it('recordEvaluation records a ministry’s scores on the SCORE criteria of a phase', async () => {
    const { recordEvaluation } = await client.recordEvaluation({
      input: {
        poleId: input.leadPoleId,
        phaseNumber: 5,
        ministryCode: 'ECO',
        evaluatedOn: '2026-03-02',
        comments: 'Recorded through the SDK.',
        scores: [],
      },
    });
    expect(recordEvaluation.userErrors).toEqual([]);
    expect(recordEvaluation.evaluation).toMatchObject({
      evaluatedOn: '2026-03-02',
      ministry: { code: 'ECO' },
      region: null,
      scores: [],
    });
    const error = await failureOf(
      client.recordEvaluation({
        input: {
          poleId: input.leadPoleId,
          phaseNumber: 5,
          ministryCode: 'ECO',
          regionCode: '84',
          evaluatedOn: '2026-03-02',
          comments: 'Two evaluators at once.',
          scores: [],
        },
      }),
    );
    expect(error.code).toBe('INVALID');
  });

  async function versionOf(acronym: string): Promise<number | undefined> {
    const { project } = await client.request(
      graphql(`
        query Version($acronym: String!) {
          project(acronym: $acronym) {
            version
          }
        }
      `),
      { acronym },
    );
    return project?.version;
  }
});
