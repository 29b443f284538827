import 'reflect-metadata';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  createClient,
  documentHash,
  graphql,
  isPoleGraphError,
  MemberCategory,
  operationDocuments,
  paginate,
  type PoleGraphClient,
  PoleGraphError,
  type PoleGraphOperations,
  RegionMembersByCategoryDocument,
  RegionProjectsDocument,
  type RetryEvent,
} from '@polegraph/client';
import { parse } from 'graphql';

import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ANALYST, bearerFor } from '../helpers/tokens';

/** A number from one SQL COUNT. */
async function sqlCount(
  database: TestDatabase,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const rows = (await database.dataSource.query(sql, params)) as { n: number | string }[];
  return Number(rows[0].n);
}

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

describe.each(testDatabaseKinds())('the SDK against the server on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  let client: PoleGraphClient;
  /** A ministry analyst's token: reads everything, confidential amounts included. */
  let token: string;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    api = await createTestEnvironment(database);
    const { authorization } = await bearerFor(database.dataSource, ANALYST);
    token = authorization.replace(/^Bearer /, '');
    client = createClient({ url: api.url, token });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  describe('one method per shipped operation', () => {
    // Each read operation with variables that find data, and what its answer must show; the
    // writer operations have their own suite (writers.test.ts), on a database of its own. The
    // first test fails when an operation is added without a case.
    const WRITER_OPERATIONS = [
      'changeProjectStatus',
      'createProjectWithPartners',
      'recordEvaluation',
    ] as const;
    // The subscriptions have their own suite (live.test.ts): they need writes to send anything.
    const LIVE_OPERATIONS = [
      'evaluationsRecorded',
      'labellingDecisionsPublished',
      'membershipChanges',
      'projectStatusChanges',
      'projectUpdates',
    ] as const;
    type OperationName = Exclude<
      keyof PoleGraphOperations,
      (typeof WRITER_OPERATIONS)[number] | (typeof LIVE_OPERATIONS)[number]
    >;
    const cases: Record<OperationName, (client: PoleGraphClient) => Promise<void>> = {
      async nationalDirectory() {
        const { poles } = await client.nationalDirectory({ first: 10 });
        expect(poles.totalCount).toBe(await sqlCount(database, 'SELECT COUNT(*) AS n FROM pole'));
        expect(poles.nodes).toHaveLength(10);
        // Every pole has a region; themes are listed where the pole has some (the national
        // dataset holds clusters and one unidentified pole without any).
        expect(poles.nodes.every((pole) => /^\d+$/.test(pole.region.code))).toBe(true);
        expect(poles.nodes.filter((pole) => pole.themes.length > 0).length).toBeGreaterThan(5);
        const names = poles.nodes.map((pole) => pole.name);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
      },
      async nodeLookup() {
        const { poles } = await client.nationalDirectory({ first: 1 });
        const [pole] = poles.nodes;
        const { node } = await client.nodeLookup({ id: pole.id });
        expect(node).toEqual({ __typename: 'Pole', id: pole.id, slug: pole.slug, name: pole.name });
      },
      async phaseDecisions() {
        const { labellingDecisions } = await client.phaseDecisions({
          phaseNumber: 5,
          outcome: { eq: 'LABELLED_PROBATION' },
        });
        expect(labellingDecisions.totalCount).toBe(
          await sqlCount(
            database,
            "SELECT COUNT(*) AS n FROM labelling_decision d JOIN labelling_phase ph ON ph.id = d.phaseId WHERE ph.number = 5 AND d.outcome = 'LABELLED_PROBATION'",
          ),
        );
        expect(
          labellingDecisions.nodes.every((decision) => decision.outcome === 'LABELLED_PROBATION'),
        ).toBe(true);
      },
      async polesOfRegion() {
        const { region } = await client.polesOfRegion({ regionCode: '84' });
        expect(region?.name).toBe('Auvergne-Rhône-Alpes');
        expect(region?.poles.totalCount).toBe(
          await sqlCount(
            database,
            "SELECT COUNT(*) AS n FROM pole p JOIN region r ON r.id = p.headquartersRegionId WHERE r.code = '84'",
          ),
        );
      },
      async poleYearlyFigures() {
        const { pole } = await client.poleYearlyFigures({ slug: 'aerospace-valley' });
        expect(pole?.name).toBe('Aerospace Valley');
        const years = pole?.years?.map((year) => year.year) ?? [];
        expect(years.length).toBeGreaterThan(1);
        expect(years).toEqual([...years].sort((a, b) => a - b));
        // Decimals stay exact strings.
        expect(pole?.years?.every((year) => /^\d+(\.\d+)?$/.test(year.budget))).toBe(true);
      },
      async projectsByProgrammeAndYear() {
        const { projects } = await client.projectsByProgrammeAndYear({
          programmeCode: 'FUI',
          submittedFrom: '2010-01-01',
          submittedBefore: '2020-01-01',
          first: 5,
        });
        expect(projects.totalCount).toBe(
          await sqlCount(
            database,
            "SELECT COUNT(*) AS n FROM project p JOIN funding_programme f ON f.id = p.programmeId WHERE f.code = 'FUI' AND p.submittedOn >= '2010-01-01' AND p.submittedOn < '2020-01-01'",
          ),
        );
        expect(projects.totalCount).toBeGreaterThan(5);
        expect(projects.nodes.every((project) => project.programme.code === 'FUI')).toBe(true);
        expect(projects.aggregate.sum.totalBudget).toMatch(/^\d+\.\d{2}$/);
      },
      async projectsWithPartnerInRegion() {
        const { projects } = await client.projectsWithPartnerInRegion({
          regionCode: '84',
          first: 10,
        });
        expect(projects.totalCount).toBe(
          await sqlCount(
            database,
            "SELECT COUNT(DISTINCT pp.projectId) AS n FROM project_partner pp JOIN member m ON m.id = pp.memberId JOIN region r ON r.id = m.regionId WHERE r.code = '84'",
          ),
        );
        for (const project of projects.nodes) {
          expect(project.partners?.some((partner) => partner.member.region.code === '84')).toBe(
            true,
          );
          expect(project.history?.at(-1)?.toStatus).toBe(project.status);
        }
      },
      async projectTimeline() {
        const [{ acronym }] = (await database.dataSource.query(
          'SELECT acronym FROM project ORDER BY id LIMIT 1',
        )) as { acronym: string }[];
        const { project } = await client.projectTimeline({ acronym });
        expect(project?.acronym).toBe(acronym);
        expect(project?.history?.[0]?.fromStatus).toBeNull();
        expect(project?.history?.at(-1)?.toStatus).toBe(project?.status);
      },
      async regionMembersByCategory() {
        const { members } = await client.regionMembersByCategory({
          regionCode: '84',
          category: MemberCategory.RESEARCH,
        });
        expect(members.totalCount).toBe(
          await sqlCount(
            database,
            "SELECT COUNT(*) AS n FROM member m JOIN region r ON r.id = m.regionId WHERE r.code = '84' AND m.category = 'RESEARCH'",
          ),
        );
        expect(members.nodes.every((member) => member.category === 'RESEARCH')).toBe(true);
      },
      async regionProjects() {
        const { region } = await client.regionProjects({
          regionCode: '84',
          status: { eq: 'FUNDED' },
        });
        expect(region?.projects.totalCount).toBeGreaterThan(0);
        expect(region?.projects.nodes.every((project) => project.status === 'FUNDED')).toBe(true);
      },
      async regions() {
        const { regions } = await client.regions();
        expect(regions).toHaveLength(await sqlCount(database, 'SELECT COUNT(*) AS n FROM region'));
        expect(regions.find((region) => region.code === '84')).toMatchObject({ overseas: false });
      },
      async viewer() {
        const { viewer } = await client.viewer();
        expect(viewer).toMatchObject({
          role: 'MINISTRY_ANALYST',
          tokenName: ANALYST.name,
          scope: { kind: 'MINISTRY', code: 'ECO' },
          rateLimit: { limit: expect.any(Number), remaining: expect.any(Number) },
        });
        const anonymous = await createClient({ url: api.url }).viewer();
        expect(anonymous.viewer).toMatchObject({ role: 'ANONYMOUS', tokenName: null, scope: null });
      },
      async dashboardReference() {
        const { regions, themes, labellingPhases, poles } = await client.dashboardReference();
        expect(regions).toHaveLength(await sqlCount(database, 'SELECT COUNT(*) AS n FROM region'));
        expect(themes.length).toBeGreaterThan(10);
        expect(labellingPhases).toHaveLength(
          await sqlCount(database, 'SELECT COUNT(*) AS n FROM labelling_phase'),
        );
        expect(poles.nodes).toHaveLength(
          await sqlCount(database, 'SELECT COUNT(*) AS n FROM pole'),
        );
      },
      async dashboardSelection() {
        const { selection } = await client.dashboardSelection({ phase: 5 });
        expect(selection?.phase.number).toBe(5);
        expect(selection?.rows.length).toBeGreaterThan(40);
        // One assessment per criterion, each saying why it has a value or not.
        for (const row of selection?.rows ?? []) {
          expect(row.criteria).toHaveLength(selection?.criteria.length ?? -1);
          for (const assessment of row.criteria)
            expect(assessment.value === null).toBe(assessment.valueStatus !== 'KNOWN');
        }
        // Without a phase: the running one.
        const running = await client.dashboardSelection();
        expect(running.selection?.phase.number).toBeGreaterThan(0);
      },
      async dashboardThemePoles() {
        const { poles } = await client.dashboardThemePoles({ theme: 'HEALTH_BIOTECH' });
        expect(poles.nodes.length).toBeGreaterThan(0);
      },
      async dashboardRegions() {
        const data = await client.dashboardRegions();
        const members = data.membersByRegion.reduce((total, group) => total + group.count, 0);
        expect(members).toBe(await sqlCount(database, 'SELECT COUNT(*) AS n FROM member'));
        expect(
          data.projectsByRegion.every((group) => group.sum.publicFundingGranted !== null),
        ).toBe(true);
        expect(data.europeanByRegion.length).toBeGreaterThan(0);
      },
      async dashboardRegionDetail() {
        const { membersByCategory, projectsByStatus } = await client.dashboardRegionDetail({
          code: '84',
        });
        expect(membersByCategory.reduce((total, group) => total + group.count, 0)).toBe(
          await sqlCount(
            database,
            'SELECT COUNT(*) AS n FROM member m JOIN region r ON r.id = m.regionId WHERE r.code = ?',
            ['84'],
          ),
        );
        expect(projectsByStatus.length).toBeGreaterThan(1);
      },
      async dashboardTrends() {
        const { projectsByYearAndLevel, france2030ByYear } = await client.dashboardTrends();
        expect(projectsByYearAndLevel.reduce((total, group) => total + group.count, 0)).toBe(
          await sqlCount(database, 'SELECT COUNT(*) AS n FROM project'),
        );
        expect(france2030ByYear.length).toBeGreaterThan(0);
      },
      async dashboardPoleProfile() {
        const { pole, projectsByStatus } = await client.dashboardPoleProfile({
          slug: 'aerospace-valley',
        });
        expect(pole?.years?.length).toBeGreaterThan(1);
        expect(pole?.decisions.length).toBeGreaterThan(0);
        expect(projectsByStatus.length).toBeGreaterThan(0);
      },
      async dashboardMembers() {
        const { national, byRegion } = await client.dashboardMembers();
        const total = await sqlCount(database, 'SELECT COUNT(*) AS n FROM member');
        expect(national.reduce((sum, group) => sum + group.count, 0)).toBe(total);
        expect(byRegion.reduce((sum, group) => sum + group.count, 0)).toBe(total);
      },
      async dashboardPoleMembers() {
        const { byPole } = await client.dashboardPoleMembers({ slug: 'aerospace-valley' });
        expect(byPole.reduce((sum, group) => sum + group.count, 0)).toBeGreaterThan(0);
      },
      async selectionDashboard() {
        const { labellingPhase } = await client.selectionDashboard({ phaseNumber: 5 });
        expect(labellingPhase?.criteria.length).toBeGreaterThan(0);
        const split =
          (labellingPhase?.labelled.totalCount ?? 0) +
          (labellingPhase?.onProbation.totalCount ?? 0) +
          (labellingPhase?.notLabelled.totalCount ?? 0);
        expect(split).toBe(labellingPhase?.decisions.totalCount);
      },
    };

    it('covers every operation the SDK ships', () => {
      const methods = Object.keys(operationDocuments).map(
        (name) => name[0].toLowerCase() + name.slice(1),
      );
      expect([...Object.keys(cases), ...WRITER_OPERATIONS, ...LIVE_OPERATIONS].sort()).toEqual(
        methods.sort(),
      );
      for (const method of methods)
        expect(typeof client[method as keyof PoleGraphOperations]).toBe('function');
    });

    it.each(Object.keys(cases) as OperationName[])('%s', (name) => cases[name](client));
  });

  describe('request() with a document written with graphql()', () => {
    it('returns the typed result', async () => {
      const PoleNames = graphql(`
        query PoleNames($regionCode: String!) {
          region(code: $regionCode) {
            poles(first: 3, orderBy: [{ field: NAME, direction: ASC }]) {
              nodes {
                slug
                name
              }
            }
          }
        }
      `);
      const { region } = await client.request(PoleNames, { regionCode: '84' });
      expect(region?.poles.nodes).toHaveLength(3);
      expect(region?.poles.nodes[0]).toEqual({
        slug: expect.any(String),
        name: expect.any(String),
      });
    });

    it('resolves to null for what does not exist', async () => {
      const { pole } = await client.poleYearlyFigures({ slug: 'no-such-pole' });
      expect(pole).toBeNull();
    });
  });

  describe('paginate()', () => {
    it('walks every page of a connection, following endCursor', async () => {
      const variables = { regionCode: '84', category: MemberCategory.SME, first: 7 };
      const expected = await sqlCount(
        database,
        "SELECT COUNT(*) AS n FROM member m JOIN region r ON r.id = m.regionId WHERE r.code = '84' AND m.category = 'SME'",
      );
      expect(expected).toBeGreaterThan(3 * 7); // several pages, or the test proves nothing

      const pages: (string | null)[] = [];
      const spyClient = createClient({
        url: api.url,
        token,
        fetch: (input, init) => {
          pages.push(
            (JSON.parse(String(init?.body)) as { variables: { after: string | null } }).variables
              .after,
          );
          return fetch(input, init);
        },
      });
      const members = [];
      for await (const member of paginate(spyClient, RegionMembersByCategoryDocument, variables)) {
        members.push(member);
      }
      expect(members).toHaveLength(expected);
      expect(new Set(members.map((member) => member.id)).size).toBe(expected);
      expect(members.every((member) => member.category === 'SME')).toBe(true);
      expect(pages).toHaveLength(Math.ceil(expected / 7));
      expect(pages[0]).toBeNull();
      expect(pages.slice(1).every((cursor) => typeof cursor === 'string')).toBe(true);
    });

    it('follows a connection nested under a parent object', async () => {
      const acronyms: string[] = [];
      // Corse: a region small enough to walk whole in a few pages of 40.
      for await (const project of paginate(client, RegionProjectsDocument, {
        regionCode: '94',
        first: 40,
      })) {
        acronyms.push(project.acronym);
      }
      const { region } = await client.regionProjects({ regionCode: '94', first: 1 });
      expect(acronyms).toHaveLength(region?.projects.totalCount ?? -1);
      expect(acronyms.length).toBeGreaterThan(3 * 40);
      expect(acronyms).toEqual([...acronyms].sort());
    });

    it('yields nothing when the parent does not exist', async () => {
      const projects = [];
      for await (const project of paginate(client, RegionProjectsDocument, { regionCode: '00' })) {
        projects.push(project);
      }
      expect(projects).toEqual([]);
    });
  });

  describe('errors from the server', () => {
    it('BAD_USER_INPUT: first above 100, with path and the offending argument', async () => {
      const error = await failureOf(client.nationalDirectory({ first: 101 }));
      expect(error).toBeInstanceOf(PoleGraphError);
      expect(isPoleGraphError(error, 'BAD_USER_INPUT')).toBe(true);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.path).toEqual(['poles']);
      expect(error.details).toMatchObject({ argumentPath: ['first'] });
      expect(error.operationName).toBe('NationalDirectory');
      expect(error.message).toMatch(/^NationalDirectory: .*first/);
      expect(error.status).toBe(200);
    });

    it('keeps the partial data next to the error', async () => {
      const TwoLists = graphql(`
        query TwoLists {
          regions {
            code
          }
          pole(id: "not-an-id!") {
            name
          }
        }
      `);
      const error = await failureOf(client.request(TwoLists));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.path).toEqual(['pole']);
      const data = error.data as { regions: { code: string }[]; pole: null } | null;
      expect(data?.pole).toBeNull();
      expect(data?.regions.length).toBeGreaterThan(10);
    });

    it('BAD_USER_INPUT for a variable of the wrong type (forced past the types)', async () => {
      const Pole = graphql(`
        query PoleBySlug($slug: String!) {
          pole(slug: $slug) {
            name
          }
        }
      `);
      const error = await failureOf(client.request(Pole, { slug: 42 as unknown as string }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain('$slug');
    });

    it('GRAPHQL_VALIDATION_FAILED with HTTP 400 for an untyped document the schema refuses', async () => {
      // A graphql-js document without types: the SDK sends it, the server refuses it.
      const error = await failureOf(client.request(parse('query Wrong { regions { nmae } }')));
      expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.status).toBe(400);
      expect(error.message).toContain('nmae');
    });

    it('UNAUTHENTICATED for confidential fields asked without a token, the rest still there', async () => {
      const anonymous = createClient({ url: api.url });
      const error = await failureOf(anonymous.poleYearlyFigures({ slug: 'aerospace-valley' }));
      expect(error.code).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
      expect(error.message).toContain('token');
    });

    it('UNAUTHENTICATED for a token the server does not know', async () => {
      const stranger = createClient({ url: api.url, token: 'pg_not-a-real-token' });
      const error = await failureOf(stranger.regions());
      expect(error.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('persisted documents', () => {
    it('automatic mode sends the hash, then the text once, and the server accepts the hash', async () => {
      const bodies: Record<string, unknown>[] = [];
      const persistedClient = createClient({
        url: api.url,
        token,
        persistedDocuments: 'automatic',
        fetch: (input, init) => {
          bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
          return fetch(input, init);
        },
      });
      const first = await persistedClient.regions();
      const second = await persistedClient.regions();
      expect(second).toEqual(first);
      // hash alone (unknown), hash + text (registered: Apollo checks the hash), hash alone (known)
      expect(bodies.map((body) => 'query' in body)).toEqual([false, true, false]);
      const hashes = bodies.map(
        (body) =>
          (body.extensions as { persistedQuery: { sha256Hash: string } }).persistedQuery.sha256Hash,
      );
      expect(new Set(hashes).size).toBe(1);
    });
  });
  describe('persisted documents and trusted-documents mode', () => {
    const manifest = JSON.parse(
      readFileSync(join(__dirname, '../../client-sdk/dist/persisted-documents.json'), 'utf8'),
    ) as Record<string, string>;

    it('the shipped manifest lists every operation under the hash the client sends', async () => {
      const hashes = await Promise.all(
        Object.values(operationDocuments).map((document) => documentHash(document)),
      );
      expect(Object.keys(manifest).sort()).toEqual([...hashes].sort());
    });

    it('an anonymous caller held to the manifest runs the shipped operations by hash, and nothing else', async () => {
      const trusted = await createTestEnvironment(database, {
        limits: { trustedDocuments: 'anonymous' },
      });
      try {
        const anonymous = createClient({ url: trusted.url, persistedDocuments: 'hash-only' });
        const { regions } = await anonymous.regions();
        expect(regions.length).toBeGreaterThan(10);
        const error = await failureOf(
          anonymous.request(
            graphql(`
              query Mine {
                regions {
                  code
                }
              }
            `),
          ),
        );
        expect(error.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
        // A token holder may still run documents of its own.
        const analyst = createClient({ url: trusted.url, token });
        await expect(
          analyst.request(
            graphql(`
              query Mine {
                regions {
                  code
                }
              }
            `),
          ),
        ).resolves.toBeDefined();
      } finally {
        await trusted.close();
      }
    });
  });

  describe('rate limits of the server', () => {
    it('RATE_LIMITED with HTTP 429: the client waits for Retry-After and gets through', async () => {
      // A bucket of 40 points refilled at 4 per second, for every caller: `regions` costs 18 (one
      // point per region), so a few quick calls empty it, and it stays empty long enough for the
      // next call to be refused too, however slow the database.
      const limited = await createTestEnvironment(database, {
        rateLimit: { points: 40, restoreRate: 4 },
        limits: {
          maxQueryCost: 40,
          maxQueryCostByRole: {
            POLE_MANAGER: 40,
            REGION_OFFICER: 40,
            MINISTRY_ANALYST: 40,
            ADMIN: 40,
          },
        },
      });
      try {
        const impatient = createClient({ url: limited.url, token, retry: false });
        let refusal: PoleGraphError | undefined;
        for (let call = 0; call < 50 && !refusal; call += 1) {
          refusal = await impatient.regions().then(
            () => undefined,
            (error: unknown) => (error instanceof PoleGraphError ? error : Promise.reject(error)),
          );
        }
        expect(refusal).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
        expect(refusal?.details.retryAfterMs).toBeGreaterThan(0);

        const retries: RetryEvent[] = [];
        const patient = createClient({
          url: limited.url,
          token,
          retry: { onRetry: (event) => retries.push(event) },
        });
        await expect(patient.regions()).resolves.toBeDefined();
        expect(retries).toEqual([
          { attempt: 1, delayMs: expect.any(Number), status: 429, operationName: 'Regions' },
        ]);
        expect(retries[0].delayMs).toBeGreaterThan(0);
      } finally {
        await limited.close();
      }
    });
  });
});
