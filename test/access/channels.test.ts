import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import { Role } from '../../server/src/auth/roles';
import { globalId } from '../helpers/graphql-ids';
import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { bearerFor } from '../helpers/tokens';

/**
 * One confidential fact — who the partners of a project are, which regions it touches, when its
 * history happened, how much it was granted — asked through every channel the API has, by every
 * kind of caller. The README's access-control matrix, as a table: a caller with the project's
 * detail right gets the truth everywhere; any other caller gets it nowhere (FORBIDDEN null on
 * the detail fields, nothing matched by filters, nested lists, counts, aggregates and
 * statistics, with a FILTER_ON_HIDDEN_DATA warning on the filters).
 */
interface Caller {
  label: string;
  role: Role | null;
  regionCode?: string;
  ministryCode?: string;
  poleSlug?: string;
  /** Whether the caller may read the detail of the cara project (the matrix). */
  seesDetail: boolean;
}

const CALLERS: Caller[] = [
  { label: 'anonymous', role: null, seesDetail: false },
  { label: 'admin', role: Role.ADMIN, seesDetail: true },
  { label: 'analyst ECO', role: Role.MINISTRY_ANALYST, ministryCode: 'ECO', seesDetail: true },
  { label: 'region 84', role: Role.REGION_OFFICER, regionCode: '84', seesDetail: true },
  { label: 'region 11', role: Role.REGION_OFFICER, regionCode: '11', seesDetail: false },
  { label: 'manager cara', role: Role.POLE_MANAGER, poleSlug: 'cara', seesDetail: true },
  {
    label: 'manager cap-digital',
    role: Role.POLE_MANAGER,
    poleSlug: 'cap-digital',
    seesDetail: false,
  },
];

/** What the channel answers: the whole truth, or nothing of it. */
type Outcome = 'truth' | 'hidden';

interface Facts {
  project: number;
  partner: number;
  partners: number[];
  regionCodes: string[];
  /** Memberships of members located in the project's regions. */
  membershipsInRegions: number;
  createdAt: string;
}

interface Channel {
  name: string;
  document: string;
  variables: (facts: Facts) => Record<string, unknown>;
  /** The answer, reduced to the value compared. */
  read: (data: Record<string, unknown>) => unknown;
  truth: (facts: Facts) => unknown;
  hidden: unknown;
  /** Hidden answers come with FORBIDDEN at these paths, or a FILTER_ON_HIDDEN_DATA warning. */
  forbidden?: string[];
  warns?: boolean;
}

const sorted = <T>(values: T[]): T[] => [...values].sort();
const data = (value: unknown) => value as Record<string, never>;

const CHANNELS: Channel[] = [
  {
    name: 'direct field',
    document:
      'query Direct($p: ID!) { project(id: $p) { partners { member { databaseId } } regions { code } } }',
    variables: (facts) => ({ p: globalId('Project', facts.project) }),
    read: (answer) => {
      const project = data(answer).project as {
        partners: { member: { databaseId: number } }[] | null;
        regions: { code: string }[] | null;
      };
      return {
        partners: project.partners && sorted(project.partners.map((p) => p.member.databaseId)),
        regions: project.regions && sorted(project.regions.map((r) => r.code)),
      };
    },
    truth: (facts) => ({ partners: facts.partners, regions: facts.regionCodes }),
    hidden: { partners: null, regions: null },
    forbidden: ['project.partners', 'project.regions'],
  },
  {
    name: 'node',
    document:
      'query Node($p: ID!) { node(id: $p) { ... on Project { partners { member { databaseId } } } } }',
    variables: (facts) => ({ p: globalId('Project', facts.project) }),
    read: (answer) => {
      const partners = (data(answer).node as { partners: { member: { databaseId: number } }[] })
        .partners;
      return partners && sorted(partners.map((p) => p.member.databaseId));
    },
    truth: (facts) => facts.partners,
    hidden: null,
    forbidden: ['node.partners'],
  },
  {
    name: 'metadata (createdAt, updatedAt)',
    document: 'query Stamps($p: ID!) { project(id: $p) { createdAt updatedAt } }',
    variables: (facts) => ({ p: globalId('Project', facts.project) }),
    read: (answer) => (data(answer).project as { createdAt: string | null }).createdAt,
    truth: (facts) => facts.createdAt,
    hidden: null,
    forbidden: ['project.createdAt', 'project.updatedAt'],
  },
  {
    name: 'nested from the member side (list, totalCount, aggregate)',
    document: `query MemberProjects($m: ID!, $p: ID!) { member(id: $m) {
      projects(filter: { id: { eq: $p } }) { totalCount aggregate { count } nodes { databaseId } } } }`,
    variables: (facts) => ({
      m: globalId('Member', facts.partner),
      p: globalId('Project', facts.project),
    }),
    read: (answer) => data(answer).member,
    truth: (facts) => ({
      projects: { totalCount: 1, aggregate: { count: 1 }, nodes: [{ databaseId: facts.project }] },
    }),
    hidden: { projects: { totalCount: 0, aggregate: { count: 0 }, nodes: [] } },
  },
  {
    name: 'nested from the region side',
    document: `query RegionProjects($p: ID!) { region(code: "84") {
      projects(filter: { id: { eq: $p } }) { totalCount nodes { databaseId } } } }`,
    variables: (facts) => ({ p: globalId('Project', facts.project) }),
    read: (answer) => data(answer).region,
    truth: (facts) => ({ projects: { totalCount: 1, nodes: [{ databaseId: facts.project }] } }),
    hidden: { projects: { totalCount: 0, nodes: [] } },
  },
  {
    name: 'filter member → project',
    document: `query MembersOf($p: ID!) { members(filter: { project: { id: { eq: $p } } }) { totalCount } }`,
    variables: (facts) => ({ p: globalId('Project', facts.project) }),
    read: (answer) => (data(answer).members as { totalCount: number }).totalCount,
    truth: (facts) => facts.partners.length,
    hidden: 0,
    warns: true,
  },
  {
    name: 'filter project → partner',
    document: `query ProjectsOf($p: ID!, $m: ID!) {
      projects(filter: { id: { eq: $p }, partner: { id: { eq: $m } } }) { totalCount } }`,
    variables: (facts) => ({
      p: globalId('Project', facts.project),
      m: globalId('Member', facts.partner),
    }),
    read: (answer) => (data(answer).projects as { totalCount: number }).totalCount,
    truth: () => 1,
    hidden: 0,
    warns: true,
  },
  {
    name: 'filter project → region',
    document: `query ProjectsIn($p: ID!) {
      projects(filter: { id: { eq: $p }, region: { code: { eq: "84" } } }) { totalCount } }`,
    variables: (facts) => ({ p: globalId('Project', facts.project) }),
    read: (answer) => (data(answer).projects as { totalCount: number }).totalCount,
    truth: () => 1,
    hidden: 0,
    warns: true,
  },
  {
    name: 'filter membership → member → region → project',
    document: `query Through($p: ID!) {
      memberships(first: 0, filter: { member: { region: { project: { id: { eq: $p } } } } }) { totalCount } }`,
    variables: (facts) => ({ p: globalId('Project', facts.project) }),
    read: (answer) => (data(answer).memberships as { totalCount: number }).totalCount,
    truth: (facts) => facts.membershipsInRegions,
    hidden: 0,
    warns: true,
  },
  {
    name: 'statistics group key and filter',
    document: `query Stats($p: ID!) {
      memberStats(groupBy: [REGION], filter: { project: { id: { eq: $p } } }) { count } }`,
    variables: (facts) => ({ p: globalId('Project', facts.project) }),
    read: (answer) =>
      (data(answer).memberStats as { count: number }[]).reduce((sum, g) => sum + g.count, 0),
    truth: (facts) => facts.partners.length,
    hidden: 0,
    warns: true,
  },
  {
    name: 'statistics having',
    document: `query Having($p: ID!) {
      projectStats(groupBy: [POLE], filter: { id: { eq: $p } }, having: { distinctMembers: { gte: 1 } }) { count distinctMembers } }`,
    variables: (facts) => ({ p: globalId('Project', facts.project) }),
    read: (answer) => data(answer).projectStats,
    truth: (facts) => [{ count: 1, distinctMembers: facts.partners.length }],
    hidden: [],
  },
];

async function ids(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<number[]> {
  return ((await dataSource.query(sql, params)) as { id: number | string }[]).map((row) =>
    Number(row.id),
  );
}

describe.each(testDatabaseKinds())('every channel, every caller, on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  const headers = new Map<string, Record<string, string>>();
  let facts: Facts;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
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
    // A project led by cara (region 84), with no partner in region 11 and no co-labelling pole.
    const [project] = await ids(
      dataSource,
      `SELECT p.id AS id FROM project p JOIN pole lp ON lp.id = p.leadPoleId
       WHERE lp.slug = 'cara' AND NOT EXISTS (SELECT 1 FROM project_partner pp JOIN member m ON m.id = pp.memberId
         JOIN region r ON r.id = m.regionId WHERE pp.projectId = p.id AND r.code = '11')
       AND NOT EXISTS (SELECT 1 FROM project_co_labelling_pole c WHERE c.projectId = p.id)
       ORDER BY p.id LIMIT 1`,
    );
    const partners = await ids(
      dataSource,
      'SELECT DISTINCT memberId AS id FROM project_partner WHERE projectId = ? ORDER BY memberId',
      [project],
    );
    const regionCodes = (
      (await dataSource.query(
        `SELECT r.code AS code FROM region r WHERE r.id IN (
           SELECT lp.headquartersRegionId FROM project p JOIN pole lp ON lp.id = p.leadPoleId WHERE p.id = ?
           UNION SELECT m.regionId FROM project_partner pp JOIN member m ON m.id = pp.memberId WHERE pp.projectId = ?)
         ORDER BY r.code`,
        [project, project],
      )) as { code: string }[]
    ).map((row) => row.code);
    const [membershipsInRegions] = await ids(
      dataSource,
      `SELECT COUNT(*) AS id FROM membership ms JOIN member m ON m.id = ms.memberId
       JOIN region r ON r.id = m.regionId WHERE r.code IN (${regionCodes.map(() => '?').join(', ')})`,
      regionCodes,
    );
    const admin = await api.query<{ project: { createdAt: string } }>(
      'query Stamp($p: ID!) { project(id: $p) { createdAt } }',
      { p: globalId('Project', project) },
      headers.get('admin'),
    );
    facts = {
      project,
      partner: partners[0],
      partners: sorted(partners),
      regionCodes: sorted(regionCodes),
      membershipsInRegions,
      createdAt: admin.data!.project.createdAt,
    };
    expect(partners.length).toBeGreaterThanOrEqual(2);
    expect(regionCodes).toContain('84');
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const table = CALLERS.flatMap((caller) =>
    CHANNELS.map(
      (channel) =>
        [caller.label, channel.name, caller.seesDetail ? 'truth' : 'hidden', caller, channel] as [
          string,
          string,
          Outcome,
          Caller,
          Channel,
        ],
    ),
  );

  it.each(table)('%s, %s: %s', async (_label, _name, outcome, caller, channel) => {
    const response = await api.query(
      channel.document,
      channel.variables(facts),
      headers.get(caller.label),
    );
    expect(response.data).toBeTruthy();
    const answer = channel.read(response.data!);
    const forbidden = (response.errors ?? [])
      .map((error) => `${error.path?.join('.')}:${String(error.extensions?.code)}`)
      .sort();
    const warnings = (response.extensions?.warnings ?? []) as { code: string }[];
    if (outcome === 'truth') {
      expect(answer).toEqual(channel.truth(facts));
      expect(forbidden).toEqual([]);
    } else {
      expect(answer).toEqual(channel.hidden);
      expect(forbidden).toEqual(
        (channel.forbidden ?? []).map((path) => `${path}:FORBIDDEN`).sort(),
      );
      if (channel.warns) {
        expect(warnings.map((warning) => warning.code)).toContain('FILTER_ON_HIDDEN_DATA');
      }
    }
    // Callers who read everything are never warned.
    if (caller.role === Role.ADMIN || caller.role === Role.MINISTRY_ANALYST) {
      expect(warnings).toEqual([]);
    }
  });

  it('never puts a hidden timestamp into a cursor or an order', async () => {
    const document = `query ByCreation { projects(filter: { leadPole: { slug: { eq: "cara" } } },
      orderBy: [{ field: CREATED_AT, direction: DESC }], first: 3) { edges { cursor node { databaseId } } } }`;
    const anonymous = await api.query<{
      projects: { edges: { cursor: string; node: { databaseId: number } }[] };
    }>(document, {}, {});
    const stamps = (await database.dataSource.query(
      `SELECT p.createdAt AS createdAt FROM project p JOIN pole lp ON lp.id = p.leadPoleId WHERE lp.slug = 'cara'`,
    )) as { createdAt: Date | string }[];
    const decoded = anonymous.data!.projects.edges.map((edge) =>
      Buffer.from(edge.cursor, 'base64url').toString('utf8'),
    );
    for (const stamp of stamps) {
      const iso = new Date(stamp.createdAt).toISOString();
      for (const cursor of decoded) {
        expect(cursor).not.toContain(iso.slice(0, 19));
        expect(cursor).not.toContain(iso.slice(0, 19).replace('T', ' '));
      }
    }
    // Without the right, the order falls back on the id: the hidden instants decide nothing.
    const order = anonymous.data!.projects.edges.map((edge) => edge.node.databaseId);
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });
  it('never lets a region officer recover a hidden grant by subtracting a visible sum', async () => {
    const { dataSource } = database;
    // A pole of region R co-labels a granted project led from elsewhere, with no partner in R:
    // the officer of R reads the pole's figures but not that project's grant.
    const phases = (await dataSource.query(
      `SELECT ph.number AS number, ph.startYear AS startYear, ph.endYear AS endYear FROM labelling_phase ph
       WHERE EXISTS (SELECT 1 FROM criterion c WHERE c.phaseId = ph.id AND c.indicator = 'FUNDING_RAISED')`,
    )) as { number: number; startYear: number; endYear: number }[];
    const candidates = (await dataSource.query(
      `SELECT cp.id AS pole, r.code AS region, p.submittedOn AS submittedOn FROM project_co_labelling_pole c
       JOIN pole cp ON cp.id = c.poleId JOIN region r ON r.id = cp.headquartersRegionId
       JOIN project p ON p.id = c.projectId JOIN pole lp ON lp.id = p.leadPoleId
       WHERE cp.status = 'LABELLED' AND lp.headquartersRegionId <> cp.headquartersRegionId
       AND p.publicFundingGranted > 0 AND p.status IN ('LABELLED', 'FUNDED', 'IN_PROGRESS', 'COMPLETED')
       AND NOT EXISTS (SELECT 1 FROM project_partner pp JOIN member m ON m.id = pp.memberId
         WHERE pp.projectId = p.id AND m.regionId = cp.headquartersRegionId)
       ORDER BY cp.id`,
    )) as { pole: number; region: string; submittedOn: string | Date }[];
    const match = candidates
      .map((candidate) => {
        const year = new Date(candidate.submittedOn).getUTCFullYear();
        const phase = phases.find((ph) => ph.startYear <= year && year <= ph.endYear);
        return phase ? { ...candidate, phase } : null;
      })
      .find(Boolean)!;
    expect(match).toBeTruthy();
    const officer = await bearerFor(dataSource, {
      role: Role.REGION_OFFICER,
      regionCode: match.region,
      name: 'subtraction',
    });
    const document = `query Attack($phase: Int!, $pole: ID!, $year: Int!, $from: Date!, $to: Date!) {
      selection(phase: $phase) { rows { pole { databaseId } criteria { criterion { indicator } value } } }
      pole(id: $pole) { indicators(year: $year) { fundingRaised } }
      projects(filter: { pole: { id: { eq: $pole } }, submittedOn: { gte: $from, lte: $to },
        status: { in: [LABELLED, FUNDED, IN_PROGRESS, COMPLETED] } }) { aggregate { sum { publicFundingGranted } } }
    }`;
    type Answer = {
      selection: {
        rows: {
          pole: { databaseId: number };
          criteria: { criterion: { indicator: string | null }; value: string | null }[];
        }[];
      };
      pole: { indicators: { fundingRaised: string } };
      projects: { aggregate: { sum: { publicFundingGranted: string | null } } };
    };
    const ask = async (authorization: Record<string, string>) => {
      const year = await api.query<{ selection: { indicatorsYear: number } }>(
        'query Year($phase: Int!) { selection(phase: $phase) { indicatorsYear } }',
        { phase: match.phase.number },
        authorization,
      );
      const response = await api.query<Answer>(
        document,
        {
          phase: match.phase.number,
          pole: globalId('Pole', match.pole),
          year: year.data!.selection.indicatorsYear,
          from: `${match.phase.startYear}-01-01`,
          to: `${match.phase.endYear}-12-31`,
        },
        authorization,
      );
      expect(response.errors).toBeUndefined();
      const answer = response.data!;
      const row = answer.selection.rows.find((r) => r.pole.databaseId === match.pole)!;
      return {
        indicator: Number(answer.pole.indicators.fundingRaised),
        criterion: Number(
          row.criteria.find((c) => c.criterion.indicator === 'FUNDING_RAISED')!.value,
        ),
        visibleSum: Number(answer.projects.aggregate.sum.publicFundingGranted ?? 0),
      };
    };
    const seen = await ask(officer);
    const everything = await ask(headers.get('admin')!);
    // The officer's figure is the sum of what it may see: the difference reveals nothing…
    expect(seen.indicator - seen.visibleSum).toBeCloseTo(0, 2);
    expect(seen.criterion).toBeCloseTo(seen.indicator, 2);
    // …while the hidden grant exists (the full figure is larger).
    expect(everything.indicator).toBeGreaterThan(seen.indicator);
    expect(everything.indicator - everything.visibleSum).toBeCloseTo(0, 2);
  });
});
