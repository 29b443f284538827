import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ANALYST } from '../helpers/tokens';

interface Connection {
  totalCount: number;
  nodes: { id: string; databaseId: number }[];
  edges: { cursor: string }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

async function sqlCount(
  dataSource: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const rows = (await dataSource.query(sql, params)) as { n: number | string }[];
  return Number(rows[0].n);
}

describe.each(testDatabaseKinds())('read API connections on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    api = await createTestEnvironment(database, {}, { as: ANALYST });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  /** One page of a root list, failing the test on any GraphQL error. */
  async function list(root: string, args: Record<string, unknown>): Promise<Connection> {
    const document = `query List($filter: ${filterType(root)}, $orderBy: [${orderType(root)}!], $first: Int, $after: String, $last: Int, $before: String) {
      ${root}(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        nodes { id databaseId }
        edges { cursor }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const response = await api.query<Record<string, Connection>>(document, args);
    expect(response.errors).toBeUndefined();
    return response.data![root];
  }

  const typeOf: Record<string, string> = {
    poles: 'Pole',
    members: 'Member',
    projects: 'Project',
    memberships: 'Membership',
    evaluations: 'Evaluation',
    labellingDecisions: 'LabellingDecision',
  };
  const filterType = (root: string) => `${typeOf[root]}Filter`;
  const orderType = (root: string) => `${typeOf[root]}Order`;

  describe('filters agree with SQL counts', () => {
    const cases: [string, string, Record<string, unknown>, string, unknown[]][] = [
      [
        'poles',
        'text contains, ignoring case and accents',
        { name: { contains: 'POLE' } },
        "SELECT COUNT(*) AS n FROM pole WHERE LOWER(name) LIKE '%pole%' OR LOWER(name) LIKE '%pôle%' OR name LIKE '%Pôle%'",
        [],
      ],
      [
        'poles',
        'enum in',
        { status: { in: ['MERGED', 'DISSOLVED'] } },
        "SELECT COUNT(*) AS n FROM pole WHERE status IN ('MERGED','DISSOLVED')",
        [],
      ],
      [
        'poles',
        'relation: headquarters region',
        { region: { code: { eq: '84' } } },
        "SELECT COUNT(*) AS n FROM pole p JOIN region r ON r.id = p.headquartersRegionId WHERE r.code = '84'",
        [],
      ],
      [
        'poles',
        'isNull',
        { acronym: { isNull: true } },
        'SELECT COUNT(*) AS n FROM pole WHERE acronym IS NULL',
        [],
      ],
      [
        'poles',
        'not',
        { not: { status: { eq: 'LABELLED' } } },
        "SELECT COUNT(*) AS n FROM pole WHERE status <> 'LABELLED'",
        [],
      ],
      [
        'poles',
        'int range',
        { foundedYear: { gte: 2006, lte: 2020 } },
        'SELECT COUNT(*) AS n FROM pole WHERE foundedYear BETWEEN 2006 AND 2020',
        [],
      ],
      [
        'members',
        'enum eq',
        { category: { eq: 'RESEARCH' } },
        "SELECT COUNT(*) AS n FROM member WHERE category = 'RESEARCH'",
        [],
      ],
      [
        'members',
        'or of two relations',
        { or: [{ region: { code: { eq: '11' } } }, { category: { eq: 'LARGE' } }] },
        "SELECT COUNT(*) AS n FROM member m JOIN region r ON r.id = m.regionId WHERE r.code = '11' OR m.category = 'LARGE'",
        [],
      ],
      [
        'members',
        'active members of a pole',
        { pole: { slug: { eq: 'aerospace-valley' } } },
        "SELECT COUNT(DISTINCT ms.memberId) AS n FROM membership ms JOIN pole p ON p.id = ms.poleId WHERE p.slug = 'aerospace-valley' AND ms.endDate IS NULL",
        [],
      ],
      [
        'members',
        'headcount range and notIn',
        { headcount: { gt: 100 }, category: { notIn: ['LARGE'] } },
        "SELECT COUNT(*) AS n FROM member WHERE headcount > 100 AND category <> 'LARGE'",
        [],
      ],
      [
        'projects',
        'programme level (nested relation)',
        { programme: { level: { eq: 'EUROPEAN' } } },
        "SELECT COUNT(*) AS n FROM project p JOIN funding_programme f ON f.id = p.programmeId WHERE f.level = 'EUROPEAN'",
        [],
      ],
      [
        'projects',
        'a partner located in region 84',
        { partner: { region: { code: { eq: '84' } } } },
        "SELECT COUNT(DISTINCT pp.projectId) AS n FROM project_partner pp JOIN member m ON m.id = pp.memberId JOIN region r ON r.id = m.regionId WHERE r.code = '84'",
        [],
      ],
      [
        'projects',
        'FUNDED with a partner located in region 84 (a correlated EXISTS)',
        { status: { eq: 'FUNDED' }, partner: { region: { code: { eq: '84' } } } },
        "SELECT COUNT(DISTINCT pp.projectId) AS n FROM project_partner pp JOIN project p ON p.id = pp.projectId JOIN member m ON m.id = pp.memberId JOIN region r ON r.id = m.regionId WHERE r.code = '84' AND p.status = 'FUNDED'",
        [],
      ],
      [
        'members',
        'of a category, partner of a project led by a pole (correlated EXISTS, nested)',
        {
          category: { in: ['RESEARCH', 'LARGE'] },
          project: { leadPole: { slug: { eq: 'aerospace-valley' } } },
        },
        "SELECT COUNT(DISTINCT m.id) AS n FROM member m JOIN project_partner pp ON pp.memberId = m.id JOIN project p ON p.id = pp.projectId JOIN pole o ON o.id = p.leadPoleId WHERE m.category IN ('RESEARCH', 'LARGE') AND o.slug = 'aerospace-valley'",
        [],
      ],
      [
        'projects',
        'lead pole with a theme',
        { leadPole: { theme: { code: { eq: 'HEALTH_BIOTECH' } } } },
        "SELECT COUNT(*) AS n FROM project p WHERE p.leadPoleId IN (SELECT pt.poleId FROM pole_theme pt JOIN theme t ON t.id = pt.themeId WHERE t.code = 'HEALTH_BIOTECH')",
        [],
      ],
      [
        'projects',
        'date and decimal ranges',
        {
          submittedOn: { gte: '2019-01-01', lt: '2023-01-01' },
          totalBudget: { gte: '2000000.00' },
        },
        "SELECT COUNT(*) AS n FROM project WHERE submittedOn >= '2019-01-01' AND submittedOn < '2023-01-01' AND totalBudget >= 2000000",
        [],
      ],
      [
        'projects',
        'and with status',
        {
          and: [
            { status: { in: ['FUNDED', 'IN_PROGRESS'] } },
            { publicFundingGranted: { isNull: false } },
          ],
        },
        "SELECT COUNT(*) AS n FROM project WHERE status IN ('FUNDED','IN_PROGRESS') AND publicFundingGranted IS NOT NULL",
        [],
      ],
      [
        'projects',
        'startsWith',
        { acronym: { startsWith: 'nova' } },
        "SELECT COUNT(*) AS n FROM project WHERE LOWER(acronym) LIKE 'nova%'",
        [],
      ],
      [
        'memberships',
        'active and board seat',
        { active: { eq: true }, boardSeat: { eq: true } },
        'SELECT COUNT(*) AS n FROM membership WHERE endDate IS NULL AND boardSeat = 1',
        [],
      ],
      [
        'evaluations',
        'by a ministry, phase 5',
        { byMinistry: { eq: true }, phase: { number: { eq: 5 } } },
        'SELECT COUNT(*) AS n FROM evaluation e JOIN labelling_phase ph ON ph.id = e.phaseId WHERE e.ministryId IS NOT NULL AND ph.number = 5',
        [],
      ],
      [
        'labellingDecisions',
        'probation decisions',
        { outcome: { eq: 'LABELLED_PROBATION' } },
        "SELECT COUNT(*) AS n FROM labelling_decision WHERE outcome = 'LABELLED_PROBATION'",
        [],
      ],
    ];

    it.each(cases)('%s: %s', async (root, _label, filter, sql, params) => {
      const expected = await sqlCount(database.dataSource, sql, params);
      const page = await list(root, { filter, first: 100 });
      expect(page.totalCount).toBe(expected);
      expect(page.nodes.length).toBe(Math.min(expected, 100));
      expect(expected).toBeGreaterThan(0); // a filter that matches nothing proves nothing
    });

    it('ne keeps rows whose value differs, and rows with no value', async () => {
      const expected = await sqlCount(
        database.dataSource,
        "SELECT COUNT(*) AS n FROM pole WHERE acronym IS NULL OR acronym <> 'PMT'",
      );
      expect(
        (await list('poles', { filter: { acronym: { ne: 'PMT' } }, first: 1 })).totalCount,
      ).toBe(expected);
    });

    it('filters by global id, and an empty `in` matches nothing', async () => {
      const first = await list('projects', { first: 3 });
      const ids = first.nodes.map((node) => node.id);
      const byId = await list('projects', { filter: { id: { in: ids } }, first: 10 });
      expect(byId.nodes.map((node) => node.id).sort()).toEqual([...ids].sort());
      expect((await list('projects', { filter: { id: { in: [] } } })).totalCount).toBe(0);
    });
  });

  describe('ordering and pagination', () => {
    /**
     * Every row of a list, walked forward page by page with `after` and backward with `before`;
     * with each page's connection, the last one read.
     */
    async function walk(
      root: string,
      args: Record<string, unknown>,
      pageSizes: { first: number; last: number },
    ): Promise<{ forward: Connection['nodes']; backward: Connection['nodes']; last: Connection }> {
      const forward: Connection['nodes'] = [];
      let after: string | null = null;
      let page: Connection;
      do {
        page = await list(root, { ...args, first: pageSizes.first, after });
        forward.push(...page.nodes);
        after = page.pageInfo.endCursor;
      } while (page.pageInfo.hasNextPage);
      const backward: Connection['nodes'] = [];
      let before: string | null = null;
      do {
        page = await list(root, { ...args, last: pageSizes.last, before });
        backward.unshift(...page.nodes);
        before = page.pageInfo.startCursor;
      } while (page.pageInfo.hasPreviousPage);
      return { forward, backward, last: page };
    }
    const ids = (nodes: Connection['nodes']) => nodes.map((node) => node.id);

    it('walks forward to the end and back to the start with the same rows', async () => {
      const filter = { leadPole: { slug: { eq: 'aerospace-valley' } } };
      const orderBy = [{ field: 'TOTAL_BUDGET', direction: 'DESC' }];
      const walked = await walk('projects', { filter, orderBy }, { first: 37, last: 41 });
      const forward = ids(walked.forward);
      expect(forward.length).toBe(walked.last.totalCount);
      expect(new Set(forward).size).toBe(forward.length);
      expect(ids(walked.backward)).toEqual(forward);
    });

    it.each([
      ['poles', {}, [{ field: 'CITY', direction: 'ASC' }]],
      ['members', { region: { code: { eq: '94' } } }, [{ field: 'NAME', direction: 'DESC' }]],
      [
        'memberships',
        { pole: { slug: { eq: 'cara' } } },
        [{ field: 'START_DATE', direction: 'DESC' }],
      ],
      ['evaluations', {}, [{ field: 'EVALUATED_ON', direction: 'ASC' }]],
      ['labellingDecisions', {}, [{ field: 'OUTCOME', direction: 'ASC' }]],
    ])(
      '%s: pages forward to the end and back with the same rows',
      async (root, filter, orderBy) => {
        const walked = await walk(root, { filter, orderBy }, { first: 23, last: 29 });
        const forward = ids(walked.forward);
        expect(forward.length).toBe(walked.last.totalCount);
        expect(forward.length).toBeGreaterThan(23); // more than one page, or the test proves nothing
        expect(new Set(forward).size).toBe(forward.length);
        expect(ids(walked.backward)).toEqual(forward);
      },
    );

    it.each(['ASC', 'DESC'] as const)(
      'walks a list ordered by a nullable column (%s) with no row lost or repeated, NULLs included',
      async (direction) => {
        const filter = { leadPole: { slug: { eq: 'aerospace-valley' } } };
        const orderBy = [{ field: 'DECISION_ON', direction }];
        // One unpaginated read: NULL sorts first ascending, last descending, ties by id.
        const all = (await database.dataSource.query(
          'SELECT p.`id` AS id, p.`decisionOn` AS decisionOn FROM `project` p ' +
            'JOIN `pole` l ON l.`id` = p.`leadPoleId` WHERE l.`slug` = ? ' +
            `ORDER BY p.\`decisionOn\` ${direction}, p.\`id\` ${direction}`,
          ['aerospace-valley'],
        )) as { id: number; decisionOn: unknown }[];
        expect(all.some((row) => row.decisionOn === null)).toBe(true);
        expect(all.some((row) => row.decisionOn !== null)).toBe(true);
        const expected = all.map((row) => Number(row.id));

        const walked = await walk('projects', { filter, orderBy }, { first: 17, last: 19 });
        const databaseIds = (nodes: Connection['nodes']) => nodes.map((node) => node.databaseId);
        expect(databaseIds(walked.forward)).toEqual(expected);
        expect(databaseIds(walked.backward)).toEqual(expected);
      },
    );

    it('orders by several keys with ties broken by id, in the last key’s direction', async () => {
      const orderBy = [
        { field: 'STATUS', direction: 'ASC' },
        { field: 'SUBMITTED_ON', direction: 'DESC' },
      ];
      const response = await api.query<{
        projects: { nodes: { databaseId: number; status: string; submittedOn: string | null }[] };
      }>(
        `query Ordered($orderBy: [ProjectOrder!]) { projects(first: 100, orderBy: $orderBy) { nodes { databaseId status submittedOn } } }`,
        { orderBy },
      );
      const rows = response.data!.projects.nodes;
      const expected = [...rows].sort(
        (a, b) =>
          a.status.localeCompare(b.status) ||
          (b.submittedOn ?? '').localeCompare(a.submittedOn ?? '') ||
          b.databaseId - a.databaseId,
      );
      expect(rows).toEqual(expected);
    });

    it('sorts text without regard to case and accents', async () => {
      const response = await api.query<{ poles: { nodes: { name: string }[] } }>(
        'query PoleNames { poles(first: 100, orderBy: [{ field: NAME }]) { nodes { name } } }',
      );
      const names = response.data!.poles.nodes.map((pole) => pole.name);
      const fold = (text: string) =>
        text
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .toLowerCase();
      for (let index = 1; index < names.length; index++) {
        expect(
          fold(names[index - 1]) <= fold(names[index]) ||
            fold(names[index - 1]).startsWith(fold(names[index]).slice(0, 3)),
        ).toBe(true);
      }
    });

    it('pages nested connections per parent with cursors of their own', async () => {
      const query = `query PoleProjects($after: String) {
        pole(slug: "aerospace-valley") { projects(first: 5, after: $after, orderBy: [{ field: ACRONYM }]) {
          totalCount nodes { acronym } pageInfo { endCursor hasNextPage } } }
      }`;
      const first = await api.query<{
        pole: {
          projects: {
            totalCount: number;
            nodes: { acronym: string }[];
            pageInfo: { endCursor: string };
          };
        };
      }>(query);
      const second = await api.query<typeof first.data>(query, {
        after: first.data!.pole.projects.pageInfo.endCursor,
      });
      const all = await list('projects', {
        filter: { pole: { slug: { eq: 'aerospace-valley' } } },
        first: 10,
        orderBy: [{ field: 'ACRONYM' }],
      });
      expect(first.data!.pole.projects.totalCount).toBe(all.totalCount);
      const acronyms = [
        ...first.data!.pole.projects.nodes,
        ...second.data!.pole.projects.nodes,
      ].map((p) => p.acronym);
      const expected = await api.query<{ projects: { nodes: { acronym: string }[] } }>(
        'query Top($f: ProjectFilter) { projects(filter: $f, first: 10, orderBy: [{ field: ACRONYM }]) { nodes { acronym } } }',
        { f: { pole: { slug: { eq: 'aerospace-valley' } } } },
      );
      expect(acronyms).toEqual(expected.data!.projects.nodes.map((p) => p.acronym));
    });
  });

  describe('aggregates', () => {
    it('sums and counts the filtered rows, not just the page', async () => {
      const response = await api.query<{
        projects: {
          aggregate: { count: number; sum: { totalBudget: string }; max: { totalBudget: string } };
        };
      }>(
        `query EuropeanTotals { projects(first: 1, filter: { programme: { level: { eq: EUROPEAN } } }) {
          aggregate { count sum { totalBudget } max { totalBudget } } } }`,
      );
      const [row] = (await database.dataSource.query(
        "SELECT COUNT(*) AS n, SUM(p.totalBudget) AS total, MAX(p.totalBudget) AS top FROM project p JOIN funding_programme f ON f.id = p.programmeId WHERE f.level = 'EUROPEAN'",
      )) as { n: number; total: string | number; top: string | number }[];
      const aggregate = response.data!.projects.aggregate;
      expect(aggregate.count).toBe(Number(row.n));
      expect(Math.abs(Number(aggregate.sum.totalBudget) - Number(row.total))).toBeLessThan(0.01);
      expect(Number(aggregate.max.totalBudget)).toBe(Number(row.top));
      expect(aggregate.max.totalBudget).toMatch(/^\d+\.\d{2}$/);
    });
  });

  describe('lookups and nodes', () => {
    it('finds a record by slug, by global id and through node(id:)', async () => {
      const bySlug = await api.query<{ pole: { id: string; name: string } }>(
        'query BySlug { pole(slug: "aerospace-valley") { id name } }',
      );
      const { id, name } = bySlug.data!.pole;
      const byId = await api.query<{
        pole: { name: string };
        node: { __typename: string; name: string };
      }>(
        'query ById($id: ID!) { pole(id: $id) { name } node(id: $id) { __typename ... on Pole { name } } }',
        { id },
      );
      expect(byId.data).toEqual({ pole: { name }, node: { __typename: 'Pole', name } });
    });

    it('answers null, without error, for an id that does not exist', async () => {
      const missing = Buffer.from('Pole:999999').toString('base64url');
      const response = await api.query(
        'query Missing($id: ID!) { pole(id: $id) { name } node(id: $id) { id } nodes(ids: [$id]) { id } }',
        { id: missing },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ pole: null, node: null, nodes: [null] });
    });
  });

  describe('bad input', () => {
    it.each([
      [
        'a malformed global id',
        'query Bad { pole(id: "not-an-id!") { name } }',
        'BAD_USER_INPUT',
        'id',
      ],
      [
        'an id of another type',
        `query Bad { pole(id: "${Buffer.from('Member:1').toString('base64url')}") { name } }`,
        'BAD_USER_INPUT',
        'Member',
      ],
      [
        'a malformed cursor',
        'query Bad { poles(first: 2, after: "@@@") { nodes { name } } }',
        'BAD_USER_INPUT',
        'after',
      ],
      ['a cursor of another ordering', null, 'BAD_USER_INPUT', 'orderBy'],
      [
        'first above 100',
        'query Bad { poles(first: 101) { nodes { name } } }',
        'BAD_USER_INPUT',
        'first',
      ],
      [
        'a negative last',
        'query Bad { poles(last: -1) { nodes { name } } }',
        'BAD_USER_INPUT',
        'last',
      ],
      [
        'a malformed id in a filter',
        'query Bad { projects(filter: { leadPole: { id: { eq: "zz" } } }) { nodes { acronym } } }',
        'BAD_USER_INPUT',
        'filter.leadPole.id.eq',
      ],
      [
        'two lookup keys',
        'query Bad { pole(slug: "x", id: "y") { name } }',
        'BAD_USER_INPUT',
        'exactly one',
      ],
    ])('refuses %s with a clear message', async (_label, document, code, mention) => {
      let text = document;
      if (!text) {
        const page = await list('poles', { first: 1, orderBy: [{ field: 'NAME' }] });
        text = `query Bad { poles(first: 2, after: "${page.pageInfo.endCursor}", orderBy: [{ field: CITY }]) { nodes { name } } }`;
      }
      const response = await api.query(text);
      expect(response.errors).toHaveLength(1);
      const [error] = response.errors!;
      expect(error.extensions?.code).toBe(code);
      expect(error.message).toContain(mention);
      expect(JSON.stringify(error)).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
      // and the server keeps answering
      const after = await api.query('query Alive { regions { code } }');
      expect(after.errors).toBeUndefined();
    });
  });
});
