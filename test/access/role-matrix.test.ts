import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import { issueToken, revokeToken } from '../../server/src/api-token/api-token.service';
import { Role } from '../../server/src/auth/roles';
import { inTransaction } from '../../server/src/database/transactions';
import { globalId } from '../helpers/graphql-ids';
import {
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { bearerFor } from '../helpers/tokens';

/**
 * The permission matrix of the README, row by row: each caller queries every restricted field
 * and list, and gets exactly what the matrix grants — allowed data present, forbidden data
 * null with FORBIDDEN at its path, counts and sums over visible rows only.
 */
interface Caller {
  label: string;
  role: Role | null;
  regionCode?: string;
  ministryCode?: string;
  poleSlug?: string;
}

const CALLERS: Caller[] = [
  { label: 'anonymous', role: null },
  { label: 'admin', role: Role.ADMIN },
  { label: 'analyst ECO', role: Role.MINISTRY_ANALYST, ministryCode: 'ECO' },
  { label: 'analyst AGRI', role: Role.MINISTRY_ANALYST, ministryCode: 'AGRI' },
  { label: 'region 84', role: Role.REGION_OFFICER, regionCode: '84' },
  { label: 'region 11', role: Role.REGION_OFFICER, regionCode: '11' },
  { label: 'manager cara (84)', role: Role.POLE_MANAGER, poleSlug: 'cara' },
  { label: 'manager cap-digital (11)', role: Role.POLE_MANAGER, poleSlug: 'cap-digital' },
];

async function ids(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<number[]> {
  return ((await dataSource.query(sql, params)) as { id: number | string }[]).map((row) =>
    Number(row.id),
  );
}

describe.each(testDatabaseKinds())('the permission matrix on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  const headers = new Map<string, Record<string, string>>();
  /** A project led by cara (region 84) whose partners are all outside region 11. */
  let caraProject: number;
  /** A project led by cap-digital (region 11) whose partners are all outside region 84. */
  let capDigitalProject: number;
  let region84Member: number;

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'matrix');
    api = await createTestEnvironment(database);
    const { dataSource } = database;
    for (const caller of CALLERS) {
      headers.set(
        caller.label,
        caller.role
          ? await bearerFor(dataSource, { ...caller, role: caller.role, name: caller.label })
          : {},
      );
    }
    const projectOf = (slug: string, otherRegion: string) =>
      ids(
        dataSource,
        `SELECT p.id AS id FROM project p JOIN pole lp ON lp.id = p.leadPoleId
         WHERE lp.slug = ? AND NOT EXISTS (SELECT 1 FROM project_partner pp JOIN member m ON m.id = pp.memberId
           JOIN region r ON r.id = m.regionId WHERE pp.projectId = p.id AND r.code = ?)
         AND NOT EXISTS (SELECT 1 FROM project_co_labelling_pole c WHERE c.projectId = p.id)
         ORDER BY p.id LIMIT 1`,
        [slug, otherRegion],
      );
    [caraProject] = await projectOf('cara', '11');
    [capDigitalProject] = await projectOf('cap-digital', '84');
    [region84Member] = await ids(
      dataSource,
      `SELECT m.id AS id FROM member m JOIN region r ON r.id = m.regionId WHERE r.code = '84'
       AND NOT EXISTS (SELECT 1 FROM membership ms JOIN pole p ON p.id = ms.poleId WHERE ms.memberId = m.id AND p.slug = 'cap-digital')
       AND m.contactEmail IS NOT NULL ORDER BY m.id LIMIT 1`,
    );
    // A draft decision, not yet published.
    await dataSource.query(
      'UPDATE labelling_decision SET publishedOn = NULL WHERE id = (SELECT MIN(id) FROM labelling_decision)',
    );
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const readsEverything = (caller: Caller) =>
    caller.role === Role.ADMIN || caller.role === Role.MINISTRY_ANALYST;

  describe.each(CALLERS)('$label', (caller) => {
    it('reads project detail only where the matrix allows it', async () => {
      const document = `query ProjectDetail($a: ID!, $b: ID!) {
        a: project(id: $a) { ...Detail }
        b: project(id: $b) { ...Detail }
      }
      fragment Detail on Project {
        acronym status totalBudget publicFundingRequested publicFundingGranted coordinatorId
        coordinator { name } partners { role } history { toStatus } regions { code }
      }`;
      const response = await api.query<
        Record<
          'a' | 'b',
          { acronym: string; totalBudget: string | null; partners: unknown[] | null }
        >
      >(
        document,
        { a: globalId('Project', caraProject), b: globalId('Project', capDigitalProject) },
        headers.get(caller.label),
      );
      const allowed = {
        a: readsEverything(caller) || caller.regionCode === '84' || caller.poleSlug === 'cara',
        b:
          readsEverything(caller) ||
          caller.regionCode === '11' ||
          caller.poleSlug === 'cap-digital',
      };
      for (const alias of ['a', 'b'] as const) {
        const project = response.data![alias];
        expect(project.acronym).toEqual(expect.any(String)); // the public directory
        if (allowed[alias]) {
          expect(project.totalBudget).toMatch(/^\d+\.\d{2}$/);
          expect(project.partners!.length).toBeGreaterThanOrEqual(2);
        } else {
          expect([project.totalBudget, project.partners]).toEqual([null, null]);
          const forbidden = (response.errors ?? []).filter((error) => error.path?.[0] === alias);
          expect(
            forbidden
              .map((error) => [error.path!.slice(1).join('.'), error.extensions?.code])
              .sort(),
          ).toEqual(
            [
              'coordinator',
              'coordinatorId',
              'history',
              'partners',
              'publicFundingGranted',
              'publicFundingRequested',
              'regions',
              'totalBudget',
            ].map((field) => [field, 'FORBIDDEN']),
          );
          expect(forbidden[0].message).toContain('is confidential');
        }
      }
    });

    it('reads pole detail (yearly figures, funding indicators, fees) only where allowed', async () => {
      const response = await api.query<{
        pole: {
          name: string;
          years: { year: number }[] | null;
          indicators: {
            activeMembers: number;
            privateFundingShare: string | null;
            fundingRaised: string | null;
          };
          memberships: { nodes: { startDate: string; yearlyFee: string | null }[] };
        };
      }>(
        `query PoleDetail { pole(slug: "cara") { name years { year }
          indicators(year: 2024) { activeMembers privateFundingShare fundingRaised }
          memberships(first: 3, filter: { yearlyFee: { isNull: false } }) { nodes { startDate yearlyFee } } } }`,
        {},
        headers.get(caller.label),
      );
      const pole = response.data!.pole;
      expect(pole.name).toBe('CARA');
      expect(pole.indicators.activeMembers).toBeGreaterThan(0); // public figures stay
      const allowed =
        readsEverything(caller) || caller.regionCode === '84' || caller.poleSlug === 'cara';
      if (allowed) {
        expect(response.errors).toBeUndefined();
        expect(pole.years!.length).toBeGreaterThan(0);
        expect(pole.indicators.fundingRaised).toMatch(/^\d+\.\d{2}$/);
        expect(pole.memberships.nodes.map((node) => node.yearlyFee)).toEqual(
          Array(3).fill(expect.stringMatching(/^\d+\.\d{2}$/)),
        );
      } else {
        // A hidden fee reads as NULL in filters too: no membership matches `isNull: false`.
        expect(pole.memberships.nodes).toEqual([]);
        expect([
          pole.years,
          pole.indicators.privateFundingShare,
          pole.indicators.fundingRaised,
        ]).toEqual([null, null, null]);
        expect(
          (response.errors ?? [])
            .map((error) => [error.path!.join('.'), error.extensions?.code])
            .sort(),
        ).toEqual([
          ['pole.indicators.fundingRaised', 'FORBIDDEN'],
          ['pole.indicators.privateFundingShare', 'FORBIDDEN'],
          ['pole.years', 'FORBIDDEN'],
        ]);
      }
    });

    it('reads member contacts only where the matrix allows it', async () => {
      const response = await api.query<{ member: { name: string; contactEmail: string | null } }>(
        'query Contact($id: ID!) { member(id: $id) { name contactEmail } }',
        { id: globalId('Member', region84Member) },
        headers.get(caller.label),
      );
      const [activeInPole] = caller.poleSlug
        ? await ids(
            database.dataSource,
            `SELECT COUNT(*) AS id FROM membership ms JOIN pole p ON p.id = ms.poleId
             WHERE ms.memberId = ? AND p.slug = ? AND ms.endDate IS NULL`,
            [region84Member, caller.poleSlug],
          )
        : [0];
      const allowed = readsEverything(caller) || caller.regionCode === '84' || activeInPole > 0;
      expect(response.data!.member.name).toEqual(expect.any(String));
      if (allowed) expect(response.data!.member.contactEmail).toContain('@');
      else {
        expect(response.data!.member.contactEmail).toBeNull();
        expect(response.errors?.[0]).toMatchObject({
          path: ['member', 'contactEmail'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        });
      }
    });

    it('lists, counts and sums only the evaluations, decisions and audit entries it may see', async () => {
      const response = await api.query<{
        evaluations: { totalCount: number };
        labellingDecisions: { totalCount: number };
        auditLog: { totalCount: number };
      }>(
        `query Lists { evaluations { totalCount } labellingDecisions { totalCount } auditLog { totalCount } }`,
        {},
        headers.get(caller.label),
      );
      expect(response.errors).toBeUndefined();
      const { dataSource } = database;
      const count = async (sql: string, params: unknown[] = []) =>
        (await ids(dataSource, sql.replace('COUNT(*)', 'COUNT(*) AS id'), params))[0];
      let evaluations = 0;
      if (readsEverything(caller)) evaluations = await count('SELECT COUNT(*) FROM evaluation');
      else if (caller.regionCode) {
        evaluations = await count(
          `SELECT COUNT(*) FROM evaluation e JOIN pole p ON p.id = e.poleId JOIN region r ON r.code = ?
           WHERE p.headquartersRegionId = r.id OR e.regionId = r.id`,
          [caller.regionCode],
        );
      } else if (caller.poleSlug) {
        evaluations = await count(
          'SELECT COUNT(*) FROM evaluation e JOIN pole p ON p.id = e.poleId WHERE p.slug = ?',
          [caller.poleSlug],
        );
      }
      const decisions = await count(
        readsEverything(caller)
          ? 'SELECT COUNT(*) FROM labelling_decision'
          : 'SELECT COUNT(*) FROM labelling_decision WHERE publishedOn IS NOT NULL',
      );
      const audit =
        caller.role === Role.ADMIN ? await count('SELECT COUNT(*) FROM audit_log_entry') : 0;
      expect(response.data).toEqual({
        evaluations: { totalCount: evaluations },
        labellingDecisions: { totalCount: decisions },
        auditLog: { totalCount: audit },
      });
      if (caller.role === Role.POLE_MANAGER) expect(evaluations).toBeGreaterThan(0);
    });

    it('gets statistics that never sum what detail hides', async () => {
      const response = await api.query<{
        projects: { aggregate: { count: number; sum: { totalBudget: string | null } } };
        projectStats: { count: number; sum: { totalBudget: string | null } }[];
      }>(
        `query Totals($filter: ProjectFilter) {
          projects(filter: $filter) { aggregate { count sum { totalBudget } } }
          projectStats(filter: $filter, groupBy: []) { count sum { totalBudget } }
        }`,
        { filter: { leadPole: { slug: { eq: 'cara' } } } },
        headers.get(caller.label),
      );
      expect(response.errors).toBeUndefined();
      const [expected] = (await database.dataSource.query(
        `SELECT COUNT(*) AS n, SUM(p.totalBudget) AS total FROM project p JOIN pole lp ON lp.id = p.leadPoleId WHERE lp.slug = 'cara'`,
      )) as { n: number; total: number | string }[];
      // The projects whose amounts this caller may see, written independently of the policy.
      let visible = 'SELECT p.id FROM project p WHERE 1 = 0';
      const params: unknown[] = [];
      if (readsEverything(caller)) visible = 'SELECT p.id FROM project p';
      else if (caller.regionCode) {
        visible = `SELECT p.id FROM project p JOIN pole lp ON lp.id = p.leadPoleId JOIN region r ON r.code = ?
          WHERE lp.headquartersRegionId = r.id OR EXISTS (SELECT 1 FROM project_partner pp JOIN member m ON m.id = pp.memberId
            WHERE pp.projectId = p.id AND m.regionId = r.id)`;
        params.push(caller.regionCode);
      } else if (caller.poleSlug) {
        visible = `SELECT p.id FROM project p JOIN pole s ON s.slug = ? WHERE p.leadPoleId = s.id
          OR EXISTS (SELECT 1 FROM project_co_labelling_pole c WHERE c.projectId = p.id AND c.poleId = s.id)`;
        params.push(caller.poleSlug);
      }
      const [seen] = (await database.dataSource.query(
        `SELECT COUNT(*) AS n, SUM(p.totalBudget) AS total FROM project p JOIN pole lp ON lp.id = p.leadPoleId
         WHERE lp.slug = 'cara' AND p.id IN (${visible})`,
        params,
      )) as { n: number; total: number | string | null }[];
      const { aggregate } = response.data!.projects;
      expect(aggregate.count).toBe(Number(expected.n)); // titles are public: the count is too
      expect(response.data!.projectStats[0].count).toBe(Number(expected.n));
      if (Number(seen.n) > 0) {
        expect(Math.abs(Number(aggregate.sum.totalBudget) - Number(seen.total))).toBeLessThan(0.01);
        expect(response.data!.projectStats[0].sum.totalBudget).toBe(aggregate.sum.totalBudget);
      } else {
        expect([aggregate.sum.totalBudget, response.data!.projectStats[0].sum.totalBudget]).toEqual(
          [null, null],
        );
      }
      const seesDetail =
        readsEverything(caller) || caller.regionCode === '84' || caller.poleSlug === 'cara';
      if (caller.role === null) expect(Number(seen.n)).toBe(0);
      if (seesDetail) expect(Number(seen.n)).toBe(Number(expected.n));
      // Filtering on a hidden amount matches nothing rather than revealing it.
      const probe = await api.query<{ projects: { totalCount: number } }>(
        'query Probe($f: ProjectFilter) { projects(filter: $f) { totalCount } }',
        { f: { id: { eq: globalId('Project', caraProject) }, totalBudget: { gte: '0' } } },
        headers.get(caller.label),
      );
      expect(probe.data!.projects.totalCount).toBe(seesDetail ? 1 : 0);
    });

    it('writes only what the matrix allows', async () => {
      const { dataSource } = database;
      const [version] = await ids(dataSource, 'SELECT version AS id FROM project WHERE id = ?', [
        caraProject,
      ]);
      const response = await api.query<{
        changeProjectStatus: { project: { status: string } | null; userErrors: unknown[] } | null;
      }>(
        `mutation Touch($id: ID!, $v: Int!) { changeProjectStatus(id: $id, to: ABANDONED, expectedVersion: $v, comment: "matrix") {
          project { status } userErrors { code } } }`,
        { id: globalId('Project', caraProject), v: version },
        headers.get(caller.label),
      );
      const allowed = caller.role === Role.ADMIN || caller.poleSlug === 'cara';
      if (allowed) {
        // Abandoning is allowed from open states; a closed project answers with a user error.
        expect(response.errors).toBeUndefined();
      } else {
        expect(response.data?.changeProjectStatus ?? null).toBeNull();
        expect(response.errors?.[0].extensions?.code).toBe(
          caller.role ? 'FORBIDDEN' : 'UNAUTHENTICATED',
        );
        expect(response.errors?.[0].message).toContain(
          caller.role
            ? 'Only administrators and the managers of the project’s lead pole'
            : 'Writes need an API token',
        );
      }
    });
  });

  describe('writes in the name of a scope', () => {
    const EVALUATE = `mutation Evaluate($input: RecordEvaluationInput!) {
      recordEvaluation(input: $input) { evaluation { id } userErrors { code field } } }`;
    const JOIN = `mutation Join($input: JoinPoleInput!) { joinPole(input: $input) { membership { id } userErrors { code } } }`;
    const DECIDE = `mutation Decide($input: DecideLabellingInput!) { decideLabelling(input: $input) { decision { id } userErrors { code } } }`;

    async function poleId(slug: string): Promise<string> {
      const [id] = await ids(database.dataSource, 'SELECT id FROM pole WHERE slug = ?', [slug]);
      return globalId('Pole', id);
    }
    /** A member of no pole today, or (shared) an active member of another pole. */
    async function outsiderMember(shared: boolean): Promise<string> {
      const [id] = await ids(
        database.dataSource,
        `SELECT m.id AS id FROM member m WHERE NOT EXISTS (SELECT 1 FROM membership ms JOIN pole p ON p.id = ms.poleId
           WHERE ms.memberId = m.id AND p.slug IN ('cara', 'cap-digital'))
         AND ${shared ? '' : 'NOT '}EXISTS (SELECT 1 FROM membership ms WHERE ms.memberId = m.id AND ms.endDate IS NULL)
         ORDER BY m.id LIMIT 1`,
      );
      expect(id).toEqual(expect.any(Number));
      return globalId('Member', id);
    }

    it.each([
      ['region 84', 'cara', { regionCode: '84' }, 'allowed'],
      ['region 84', 'cap-digital', { regionCode: '84' }, 'FORBIDDEN'],
      ['region 84', 'cara', { regionCode: '11' }, 'FORBIDDEN'],
      ['analyst ECO', 'cap-digital', { ministryCode: 'ECO' }, 'allowed'],
      ['analyst ECO', 'cap-digital', { ministryCode: 'AGRI' }, 'FORBIDDEN'],
      ['manager cara (84)', 'cara', { regionCode: '84' }, 'FORBIDDEN'],
      ['anonymous', 'cara', { regionCode: '84' }, 'UNAUTHENTICATED'],
      ['admin', 'cara', { ministryCode: 'AGRI' }, 'allowed'],
    ])('%s evaluates %s as %j: %s', async (label, slug, evaluatorScope, expected) => {
      const response = await api.query<{
        recordEvaluation: { evaluation: unknown; userErrors: unknown[] } | null;
      }>(
        EVALUATE,
        {
          input: {
            poleId: await poleId(slug),
            phaseNumber: 5,
            evaluatedOn: '2026-01-15',
            comments: 'Matrix test.',
            scores: [],
            ...evaluatorScope,
          },
        },
        headers.get(label),
      );
      if (expected === 'allowed')
        expect(response.data!.recordEvaluation).toEqual({
          evaluation: { id: expect.any(String) },
          userErrors: [],
        });
      else expect(response.errors?.[0].extensions?.code).toBe(expected);
    });

    it.each([
      ['manager cara (84)', 'cara', false, 'allowed'],
      ['manager cara (84)', 'cara', true, 'FORBIDDEN'],
      ['manager cara (84)', 'cap-digital', false, 'FORBIDDEN'],
      ['admin', 'cara', true, 'allowed'],
      ['region 84', 'cara', false, 'FORBIDDEN'],
      ['analyst ECO', 'cara', false, 'FORBIDDEN'],
    ])(
      '%s makes a member join %s (member of another pole: %s): %s',
      async (label, slug, shared, expected) => {
        const response = await api.query<{
          joinPole: { membership: unknown; userErrors: unknown[] } | null;
        }>(
          JOIN,
          {
            input: {
              memberId: await outsiderMember(shared),
              poleId: await poleId(slug),
              startDate: '2026-02-01',
            },
          },
          headers.get(label),
        );
        if (expected === 'allowed') expect(response.data!.joinPole!.userErrors).toEqual([]);
        else expect(response.errors?.[0].extensions?.code).toBe(expected);
      },
    );

    it.each([
      ['manager cara (84)', false, 'allowed'],
      ['manager cara (84)', true, 'FORBIDDEN'],
      ['admin', true, 'allowed'],
    ])(
      '%s changes a member of cara (shared with another pole: %s): %s',
      async (label, shared, expected) => {
        const [id] = await ids(
          database.dataSource,
          `SELECT m.id AS id FROM member m
           WHERE EXISTS (SELECT 1 FROM membership ms JOIN pole p ON p.id = ms.poleId
             WHERE ms.memberId = m.id AND ms.endDate IS NULL AND p.slug = 'cara')
           AND ${shared ? '' : 'NOT '}EXISTS (SELECT 1 FROM membership ms JOIN pole p ON p.id = ms.poleId
             WHERE ms.memberId = m.id AND ms.endDate IS NULL AND p.slug <> 'cara')
           ORDER BY m.id LIMIT 1`,
        );
        const [version] = await ids(
          database.dataSource,
          'SELECT version AS id FROM member WHERE id = ?',
          [id],
        );
        const response = await api.query<{
          updateMember: { member: { city: string } | null; userErrors: unknown[] } | null;
        }>(
          `mutation Rename($input: UpdateMemberInput!) {
            updateMember(input: $input) { member { city } userErrors { code } } }`,
          { input: { id: globalId('Member', id), expectedVersion: version, city: 'Matrixville' } },
          headers.get(label),
        );
        if (expected === 'allowed') {
          expect(response.data!.updateMember).toEqual({
            member: { city: 'Matrixville' },
            userErrors: [],
          });
        } else {
          expect(response.errors?.[0].extensions?.code).toBe(expected);
          expect(response.errors?.[0].message).toContain('only administrators');
        }
      },
    );

    it.each(CALLERS.map((caller) => [caller.label, caller.role === Role.ADMIN]))(
      '%s decides labelling: %s',
      async (label, allowed) => {
        const [version] = await ids(
          database.dataSource,
          `SELECT d.version AS id FROM labelling_decision d JOIN pole p ON p.id = d.poleId JOIN labelling_phase ph ON ph.id = d.phaseId
         WHERE p.slug = 'cara' AND ph.number = 5`,
        );
        const response = await api.query<{
          decideLabelling: { decision: unknown; userErrors: unknown[] } | null;
        }>(
          DECIDE,
          {
            input: {
              poleId: await poleId('cara'),
              phaseNumber: 5,
              outcome: 'LABELLED',
              durationYears: 4,
              decidedOn: '2023-03-27',
              publishedOn: '2023-03-27',
              rationale: 'Labellisé pour quatre ans (matrix test).',
              expectedVersion: version,
            },
          },
          headers.get(label as string),
        );
        if (allowed) expect(response.data!.decideLabelling!.userErrors).toEqual([]);
        else
          expect(response.errors?.[0].extensions?.code).toBe(
            label === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
          );
      },
    );
  });

  describe('tokens', () => {
    it.each([
      ['a malformed header', 'Token abc'],
      ['a token of another system', 'Bearer abc.def.ghi'],
      ['an unknown token', `Bearer pg_${'x'.repeat(43)}`],
    ])('refuses %s with UNAUTHENTICATED, never as anonymous', async (_label, authorization) => {
      const response = await api.query('query Regions { regions { code } }', {}, { authorization });
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.data ?? null).toBeNull();
    });

    it('refuses revoked and expired tokens', async () => {
      const { dataSource } = database;
      const { token, secret } = await inTransaction(dataSource, (manager) =>
        issueToken(manager, { name: 'to revoke', role: Role.ADMIN }),
      );
      const before = await api.query(
        'query Regions { regions { code } }',
        {},
        { authorization: `Bearer ${secret}` },
      );
      expect(before.status).toBe(200);
      await inTransaction(dataSource, (manager) => revokeToken(manager, token.id));
      const after = await api.query(
        'query Regions { regions { code } }',
        {},
        { authorization: `Bearer ${secret}` },
      );
      expect([after.status, after.errors?.[0].message]).toEqual([
        401,
        'This API token was revoked',
      ]);

      const expiring = await inTransaction(dataSource, (manager) =>
        issueToken(manager, {
          name: 'short-lived',
          role: Role.ADMIN,
          expiresAt: new Date(Date.now() + 1500),
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1600));
      const expired = await api.query(
        'query Regions { regions { code } }',
        {},
        { authorization: `Bearer ${expiring.secret}` },
      );
      expect([expired.status, expired.errors?.[0].message]).toEqual([
        401,
        'This API token has expired',
      ]);
    });

    it('stores only a hash of the secret', async () => {
      const { secret } = await inTransaction(database.dataSource, (manager) =>
        issueToken(manager, { name: 'hash check', role: Role.ADMIN }),
      );
      const rows = (await database.dataSource.query('SELECT * FROM api_token')) as Record<
        string,
        unknown
      >[];
      expect(JSON.stringify(rows)).not.toContain(secret);
      expect(secret).toMatch(/^pg_[A-Za-z0-9_-]{43}$/);
    });
  });
});
