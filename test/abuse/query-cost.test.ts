import 'reflect-metadata';

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  getNamedType,
  getNullableType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLSchema,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  typeFromAST,
} from 'graphql';

import { loadConfig } from '../../server/src/config/config';
import { servedSchema } from '../../server/src/features';
import { measureOperation } from '../../server/src/graphql/limits/operation-shape';
import {
  actualCostCounter,
  computeQueryCost,
  LIST_BOUNDS,
} from '../../server/src/graphql/limits/query-cost';
import { countStatements } from '../helpers/statement-counter';
import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ADMIN, ANALYST } from '../helpers/tokens';

const ROOT = join(__dirname, '..', '..');

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await servedSchema();
});

function costOf(document: string, variables?: Record<string, unknown>): number {
  return computeQueryCost(schema, parse(document), undefined, variables);
}

describe('the cost model', () => {
  it.each([
    ['every object of a list costs 1: `regions` holds its 18', '{ regions { code name } }', 18],
    ['a page costs 1 plus 1 per row', '{ poles(first: 55) { nodes { id name } } }', 56],
    [
      'a nested page multiplies',
      '{ poles(first: 55) { nodes { projects(first: 10) { nodes { id } } } } }',
      661,
    ],
    ['edges count their node', '{ poles(first: 10) { edges { cursor node { id } } } }', 21],
    ['pageInfo is free', '{ poles(first: 10) { pageInfo { hasNextPage endCursor } } }', 1],
    ['totalCount is a count over every matching row: 10', '{ poles(first: 0) { totalCount } }', 11],
    [
      'aggregate is one more statement over every matching row: 10',
      '{ projects(first: 0) { aggregate { count sum { totalBudget } max { totalBudget } } } }',
      11,
    ],
    ['no first means the default page of 20', '{ poles { nodes { id } } }', 21],
    ['`last` counts like `first`', '{ projects(last: 30) { nodes { id } } }', 31],
    [
      'a page above the maximum is costed at 100 rows',
      '{ poles(first: 5000) { nodes { id } } }',
      101,
    ],
    ['an object costs 1', '{ pole(slug: "x") { name region { name } } }', 2],
    [
      'lists without pagination hold their real bound (3 themes, 11 years)',
      '{ pole(slug: "x") { themes { code } years { year } } }',
      15,
    ],
    [
      'objects in lists without pagination count as often as the list may hold them (12 partners)',
      '{ project(acronym: "x") { partners { member { name } } } }',
      25,
    ],
    [
      'the selection dashboard holds a row per pole (at most 80)',
      '{ selection(phase: 5) { rows { pole { name } } } }',
      161,
    ],
    [
      'a selection row’s criterion assessments are values of the row; what they lead to is priced',
      '{ selection(phase: 5) { rows { criteria { value valueStatus met } } } }',
      81,
    ],
    [
      'an assessment’s criterion is an object like any other',
      '{ selection(phase: 5) { rows { criteria { criterion { code } } } } }',
      961,
    ],
    [
      'a statistics group’s key is its own GROUP BY values; the region it names is priced',
      '{ memberStats(groupBy: [REGION, CATEGORY], first: 20) { key { region { code } category } count } }',
      50,
    ],
    [
      'statistics hold `first` groups and pay their aggregate',
      '{ projectStats(groupBy: [STATUS], first: 10) { count } }',
      20,
    ],
    [
      'nodes(ids:) counts its ids',
      '{ nodes(ids: ["a", "b", "c"]) { id ... on Pole { region { code } } } }',
      6,
    ],
    [
      'each relation a filter walks costs 10, paid again by totalCount',
      'query Probe { memberships(first: 0, filter: { member: { region: { project: { acronym: { eq: "NOPE" } } } } }) { totalCount } }',
      1 + 31 + (10 + 31),
    ],
    [
      'each `or` branch adds its conditions; text searches cost 2',
      '{ members(first: 0, filter: { or: [{ name: { contains: "a" } }, { name: { startsWith: "b" } }, { siren: { eq: "1" } }] }) { totalCount } }',
      1 + 5 + (10 + 5),
    ],
    [
      '`in` costs 1 plus 1 per 10 values',
      `{ members(first: 5, filter: { siren: { in: [${Array.from({ length: 25 }, (_, i) => `"${i}"`).join(', ')}] } }) { nodes { id } } }`,
      1 + 4 + 5,
    ],
    [
      'a nested filter is paid once per parent',
      '{ poles(first: 10) { nodes { projects(first: 0, filter: { leadPole: { name: { eq: "x" } } }) { totalCount } } } }',
      1 + 10 * (1 + 1 + 11 + (10 + 11)),
    ],
    ['introspection costs 1', '{ __schema { types { name fields { name type { name } } } } }', 1],
    ['__typename is free', '{ __typename }', 0],
  ])('%s', (_label, document, cost) => {
    expect(costOf(document)).toBe(cost);
  });

  it('reads page sizes from variables and their defaults', () => {
    const document = 'query Page($n: Int = 50) { poles(first: $n) { nodes { id } } }';
    expect(costOf(document)).toBe(51);
    expect(costOf(document, { n: 7 })).toBe(8);
    // An explicit null is no page size at all: the default page of 20.
    expect(costOf(document, { n: null })).toBe(21);
  });

  it('prices filters given in variables like inline ones', () => {
    const document =
      'query F($filter: MemberFilter) { members(first: 0, filter: $filter) { totalCount } }';
    expect(costOf(document)).toBe(11);
    expect(
      costOf(document, {
        filter: { or: Array.from({ length: 40 }, () => ({ region: { code: { eq: '84' } } })) },
      }),
    ).toBe(1 + 440 + (10 + 440));
  });

  it('leaves out what @skip and @include leave out', () => {
    const document =
      'query Q($more: Boolean!) { poles(first: 10) { nodes { id projects(first: 10) @include(if: $more) { nodes { id } } } } }';
    expect(costOf(document, { more: false })).toBe(11);
    expect(costOf(document, { more: true })).toBe(121);
  });

  it('charges 10 per mutation root field', () => {
    const document =
      'mutation { changeProjectStatus(id: "x", expectedVersion: 1, to: FUNDED) { project { id } } }';
    expect(costOf(document)).toBe(11);
  });

  it('counts, with the result, what was actually returned: never more than requested', () => {
    const document = '{ poles(first: 55) { nodes { projects(first: 10) { nodes { id } } } } }';
    const data = {
      poles: {
        nodes: [
          { projects: { nodes: [{ id: 'a' }, { id: 'b' }] } },
          { projects: { nodes: [] } },
          { projects: null },
        ],
      },
    };
    // The connection 1 + three poles: (1 + 1 + 2), (1 + 1), (1 + 0: the null page came back empty).
    expect(computeQueryCost(schema, parse(document), undefined, undefined, data)).toBe(
      1 + 4 + 2 + 1,
    );
    expect(computeQueryCost(schema, parse(document), undefined, undefined, null)).toBe(0);
  });

  it('counts each result of an operation on its own when its plan is kept from one to the next', () => {
    const document = parse(
      'query Q($more: Boolean!) { poles(first: 55) { nodes { projects(first: 10) @include(if: $more) { nodes { id } } } } }',
    );
    const counter = actualCostCounter(schema, document, undefined, { more: true });
    const results = [
      { poles: { nodes: [{ projects: { nodes: [{ id: 'a' }, { id: 'b' }] } }] } },
      { poles: { nodes: [{ projects: { nodes: [] } }, { projects: null }] } },
      { poles: { nodes: [] } },
      null,
    ];
    for (const data of results) {
      expect(counter.count(data)).toBe(
        computeQueryCost(schema, document, undefined, { more: true }, data),
      );
    }
    expect(results.map((data) => counter.count(data))).toEqual([1 + 4, 1 + 2 + 1, 1, 0]);
  });

  it('gives every list without pagination of the schema a bound', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      if (/(Connection|Edge|Payload)$/.test(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        const listType = getNullableType(field.type);
        if (!isListType(listType) || isLeafType(getNamedType(listType))) continue;
        if (field.args.some((arg) => ['first', 'ids'].includes(arg.name))) continue;
        if (LIST_BOUNDS[`${type.name}.${field.name}`] === undefined) {
          unbounded.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });
});

describe('the operations we ship', () => {
  const defaults = loadConfig({});

  /** Every operation of the SDK's manifest and of the playground's examples. */
  function shippedOperations(): [string, string][] {
    const operations: [string, string][] = [];
    const manifest = join(ROOT, defaults.limits.trustedDocumentsManifest);
    if (existsSync(manifest)) {
      for (const text of Object.values(
        JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>,
      )) {
        operations.push([`SDK ${/(query|mutation) (\w+)/.exec(text)?.[2]}`, text]);
      }
    }
    const examples = join(ROOT, 'server', 'src', 'http', 'playground', 'examples');
    for (const file of readdirSync(examples).filter((name) => name.endsWith('.graphql'))) {
      operations.push([`playground ${file}`, readFileSync(join(examples, file), 'utf8')]);
    }
    return operations;
  }

  /** A valid value for a required variable the operation gives no default. */
  function sampleValue(type: GraphQLInputType): unknown {
    if (type instanceof GraphQLNonNull) return sampleValue(type.ofType);
    if (type instanceof GraphQLList) return [];
    if (type instanceof GraphQLEnumType) return type.getValues()[0].name;
    if (type instanceof GraphQLInputObjectType) {
      return Object.fromEntries(
        Object.values(type.getFields())
          .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
          .map((field) => [field.name, sampleValue(field.type)]),
      );
    }
    return (
      {
        Int: 1,
        Float: 1,
        Boolean: true,
        Date: '2024-01-01',
        DateTime: '2024-01-01T00:00:00Z',
        Decimal: '1.00',
      }[type.name] ?? 'x'
    );
  }

  /** The lowest ceiling of a token: shipped operations are written for token holders. */
  const tokenCeiling = Math.min(...Object.values(defaults.limits.maxQueryCostByRole));

  it('open the playground with an example anonymous callers may run', () => {
    const text = readFileSync(
      join(ROOT, 'server', 'src', 'http', 'playground', 'examples', '01-poles-by-region.graphql'),
      'utf8',
    );
    expect(computeQueryCost(schema, parse(text), undefined, {})).toBeLessThanOrEqual(
      defaults.limits.maxQueryCost,
    );
  });

  it('stay within the default limits of a token with their default variables', () => {
    const operations = shippedOperations();
    expect(operations.length).toBeGreaterThan(0);
    const overLimits: string[] = [];
    for (const [name, text] of operations) {
      const document = parse(text);
      for (const operation of document.definitions.filter(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION,
      )) {
        const variables: Record<string, unknown> = {};
        for (const definition of operation.variableDefinitions ?? []) {
          if (definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue) {
            variables[definition.variable.name.value] = sampleValue(
              typeFromAST(schema, definition.type) as GraphQLInputType,
            );
          }
        }
        const shape = measureOperation(document, operation);
        const cost = computeQueryCost(schema, document, operation.name?.value, variables);
        if (
          cost > tokenCeiling ||
          shape.depth > defaults.limits.maxQueryDepth ||
          shape.aliases > defaults.limits.maxAliases ||
          shape.rootFields > defaults.limits.maxRootFields
        ) {
          overLimits.push(
            `${name}: cost ${cost}, depth ${shape.depth}, ${shape.aliases} aliases, ${shape.rootFields} root fields`,
          );
        }
      }
    }
    expect(overLimits).toEqual([]);
  });
});

describe.each(testDatabaseKinds())('extensions.cost and rateLimit on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    // A bucket that barely refills during the test, so the figures are exact.
    api = await createTestEnvironment(database, {
      rateLimit: { points: 1000, restoreRate: 0.001 },
      limits: { maxQueryCost: 1000 },
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  /** What is left in the bucket, read by a dry run (which takes nothing). */
  async function available(): Promise<number> {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', extensions: { dryRun: true } }),
    });
    const body = (await response.json()) as {
      extensions: { cost: { currentlyAvailable: number } };
    };
    return body.extensions.cost.currentlyAvailable;
  }

  it('reports the requested and the actual cost, and charges the actual one (Shopify refund)', async () => {
    const before = await available();
    const simple = await api.query('query Regions { regions { code name } }');
    expect(simple.errors).toBeUndefined();
    expect(simple.extensions).toEqual({
      cost: {
        requestedQueryCost: 18,
        actualQueryCost: 18,
        maximumQueryCost: 1000,
        maximumAvailable: 1000,
        currentlyAvailable: before - 18,
        restoreRate: 0.001,
      },
    });

    const nested = await api.query<{
      poles: { nodes: { projects: { nodes: unknown[] } }[] };
    }>(
      'query Nested($first: Int) { poles(first: $first) { nodes { projects(first: 10) { nodes { id } } } } }',
      { first: 55 },
    );
    expect(nested.errors).toBeUndefined();
    // Counted on the answer: the connection, then each pole, its page and the projects in it.
    const actual =
      1 + nested.data!.poles.nodes.reduce((sum, pole) => sum + 2 + pole.projects.nodes.length, 0);
    expect(actual).toBeLessThanOrEqual(661);
    expect(nested.extensions).toEqual({
      cost: {
        requestedQueryCost: 661,
        actualQueryCost: actual,
        maximumQueryCost: 1000,
        maximumAvailable: 1000,
        currentlyAvailable: before - 18 - actual,
        restoreRate: 0.001,
      },
    });
    expect(nested.headers.get('x-ratelimit-remaining')).toBe(String(before - 18 - actual));

    // A page that comes back empty is charged for the statement that ran, not for 100 rows.
    const empty = await api.query(
      'query Empty { projects(first: 100, filter: { acronym: { eq: "NO SUCH PROJECT" } }) { nodes { id } } }',
    );
    expect(empty.extensions?.cost).toMatchObject({ requestedQueryCost: 102, actualQueryCost: 2 });
    expect(await available()).toBe(before - 18 - actual - 2);

    // Requests refused before they could be costed take the minimum, 1 point.
    const broken = await api.query('query Broken { regions { code ');
    expect(broken.status).toBe(400);
    expect(broken.extensions).toEqual({
      cost: {
        requestedQueryCost: 1,
        actualQueryCost: null,
        maximumQueryCost: 1000,
        maximumAvailable: 1000,
        currentlyAvailable: before - 18 - actual - 2 - 1,
        restoreRate: 0.001,
      },
    });
  });

  it('costs each request with its own variables, whatever was costed before', async () => {
    const document = 'query Page($n: Int = 100) { projects(first: $n) { nodes { id } } }';
    const explicitNull = await api.query(document, { n: null });
    expect(explicitNull.extensions?.cost).toMatchObject({ requestedQueryCost: 21 });
    const byDefault = await api.query<{ projects: { nodes: unknown[] } }>(document, {});
    expect(byDefault.data!.projects.nodes).toHaveLength(100);
    expect(byDefault.extensions?.cost).toMatchObject({ requestedQueryCost: 101 });
  });

  it('answers a dry run with its cost only: nothing runs, nothing is taken', async () => {
    const before = await available();
    const { result, statements } = await countStatements(database.dataSource, async () => {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'query Costly($n: Int) { poles(first: $n) { nodes { projects(first: 100) { nodes { id } } } } }',
          variables: { n: 100 },
          extensions: { dryRun: true },
        }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(result).toEqual({
      status: 200,
      body: {
        extensions: {
          cost: {
            // Above the ceiling: a dry run says so rather than refusing.
            requestedQueryCost: 10201,
            actualQueryCost: null,
            maximumQueryCost: 1000,
            maximumAvailable: 1000,
            currentlyAvailable: before,
            restoreRate: 0.001,
          },
        },
      },
    });
    expect(statements).toEqual([]);
    expect(await available()).toBe(before);
  });

  it('answers rateLimit { cost limit remaining resetAt } like GitHub', async () => {
    const before = Date.now();
    const response = await api.query<{
      rateLimit: {
        cost: number;
        limit: number;
        remaining: number;
        restoreRate: number;
        resetAt: string;
      };
    }>('query Limit { rateLimit { cost limit remaining restoreRate resetAt } regions { code } }');
    expect(response.errors).toBeUndefined();
    const { resetAt, ...figures } = response.data!.rateLimit;
    const { currentlyAvailable } = response.extensions!.cost as { currentlyAvailable: number };
    // rateLimit speaks while the query runs: the requested cost was taken, nothing refunded yet.
    expect(figures).toEqual({
      cost: 19,
      limit: 1000,
      remaining: currentlyAvailable,
      restoreRate: 0.001,
    });
    // Full again once the missing points have come back at 0.001 a second.
    const expectedReset = before + ((1000 - currentlyAvailable) / 0.001) * 1000;
    expect(Math.abs(Date.parse(resetAt) - expectedReset)).toBeLessThan(1_000_000);
  });
});

describe.each(testDatabaseKinds())('ceilings per role on %s', (kind) => {
  let database: TestDatabase;
  const defaults = loadConfig({});
  const production = { limits: defaults.limits, rateLimit: defaults.rateLimit };
  /** The national overview: every pole, ten projects each, their consortium and its regions. */
  const overview =
    'query NationalOverview { poles(first: 55) { nodes { name projects(first: 10) { nodes { acronym ' +
    'partners { role member { name region { code } } } } } } } }';

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('refuses the national overview to anonymous callers and runs it for an analyst', async () => {
    const cost = 1 + 55 * (1 + 1 + 10 * (1 + 12 * 3));
    const anonymous = await createTestEnvironment(database, production);
    try {
      const refused = await anonymous.query(overview);
      expect(refused.status).toBe(400);
      expect(refused.errors?.[0].extensions).toEqual({
        requestId: expect.any(String),
        code: 'QUERY_TOO_COMPLEX',
        limit: 'cost',
        maximum: 1000,
        actual: cost,
      });
    } finally {
      await anonymous.close();
    }
    const analyst = await createTestEnvironment(database, production, { as: ANALYST });
    try {
      const ran = await analyst.query<{
        poles: {
          nodes: {
            projects: { nodes: { partners: { member: { region: unknown } | null }[] }[] };
          }[];
        };
      }>(overview);
      expect(ran.errors).toBeUndefined();
      expect(ran.data!.poles.nodes).toHaveLength(55);
      expect(ran.extensions?.cost).toMatchObject({
        requestedQueryCost: cost,
        maximumQueryCost: defaults.limits.maxQueryCostByRole.MINISTRY_ANALYST,
        maximumAvailable: defaults.limits.maxQueryCostByRole.MINISTRY_ANALYST,
      });
      // Counted on the whole answer (thousands of objects, more selections than a request may
      // expand): the connection; per pole itself and its page; per project itself; per partner
      // itself, its member and the member's region.
      const counted =
        1 +
        ran.data!.poles.nodes.reduce(
          (poles, pole) =>
            poles +
            2 +
            pole.projects.nodes.reduce(
              (projects, project) =>
                projects +
                1 +
                project.partners.reduce(
                  (partners, partner) =>
                    partners + 1 + (partner.member ? 1 + (partner.member.region ? 1 : 0) : 0),
                  0,
                ),
              0,
            ),
          0,
        );
      expect(counted).toBeLessThan(cost);
      expect(ran.extensions!.cost).toMatchObject({ actualQueryCost: counted });
    } finally {
      await analyst.close();
    }
  }, 120_000);
});

describe.each(testDatabaseKinds())('the list bounds against the national dataset on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    api = await createTestEnvironment(database, {}, { as: ADMIN });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  /** The longest list at `path` (dot-separated) anywhere in `value`. */
  function longest(value: unknown, path: string[]): number {
    if (Array.isArray(value)) return Math.max(0, ...value.map((item) => longest(item, path)));
    if (value === null || typeof value !== 'object') return 0;
    const [head, ...rest] = path;
    const inner = (value as Record<string, unknown>)[head];
    if (rest.length === 0) return Array.isArray(inner) ? inner.length : 0;
    return longest(inner, rest);
  }

  it('holds every list the dataset has, at its longest', async () => {
    const found: Record<string, number> = {};
    const reference = await api.query(
      'query Reference { regions { code } ministries { code } themes { code } fundingProgrammes { code } ' +
        'labellingPhases { number criteria { code } } }',
    );
    expect(reference.errors).toBeUndefined();
    for (const field of [
      'regions',
      'ministries',
      'themes',
      'fundingProgrammes',
      'labellingPhases',
    ]) {
      found[`Query.${field}`] = longest(reference.data, [field]);
    }
    found['LabellingPhase.criteria'] = longest(reference.data, ['labellingPhases', 'criteria']);

    const poles = await api.query(
      'query Poles { poles(first: 100) { nodes { clusterLabels { level } coveredRegions { code } ' +
        'decisions { outcome } themes { code } years { year } indicators(year: 2024) { membersByCategory { count } } } } }',
    );
    expect(poles.errors).toBeUndefined();
    for (const field of ['clusterLabels', 'coveredRegions', 'decisions', 'themes', 'years']) {
      found[`Pole.${field}`] = longest(poles.data, ['poles', 'nodes', field]);
    }
    found['PoleIndicators.membersByCategory'] = longest(poles.data, [
      'poles',
      'nodes',
      'indicators',
      'membersByCategory',
    ]);

    // Per project, counted in SQL: reading all 10,000 projects through the API is too slow a test.
    const perProject: [string, string][] = [
      ['Project.coLabellingPoles', 'SELECT projectId AS p FROM project_co_labelling_pole'],
      ['Project.history', 'SELECT projectId AS p FROM project_status_change'],
      ['Project.partners', 'SELECT projectId AS p FROM project_partner'],
      ['Project.themes', 'SELECT projectId AS p FROM project_theme'],
      [
        'Project.regions',
        'SELECT DISTINCT p, r FROM (SELECT pp.projectId AS p, m.regionId AS r FROM project_partner pp ' +
          'JOIN member m ON m.id = pp.memberId UNION SELECT pr.id AS p, po.headquartersRegionId AS r ' +
          'FROM project pr JOIN pole po ON po.id = pr.leadPoleId) pairs',
      ],
    ];
    for (const [key, rows] of perProject) {
      const [{ n }] = (await database.dataSource.query(
        `SELECT MAX(c) AS n FROM (SELECT COUNT(*) AS c FROM (${rows}) x GROUP BY p) y`,
      )) as { n: number | string }[];
      found[key] = Number(n);
      expect(found[key]).toBeGreaterThan(0);
    }

    for (const phase of [1, 2, 3, 4, 5]) {
      const selection = await api.query(
        'query Selection($phase: Int!) { selection(phase: $phase) { criteria { code } rows { criteria { met } evaluations { scores { score } } } } }',
        { phase },
      );
      expect(selection.errors).toBeUndefined();
      const bounds: [string, string[]][] = [
        ['SelectionDashboard.rows', ['selection', 'rows']],
        ['SelectionDashboard.criteria', ['selection', 'criteria']],
        ['SelectionRow.criteria', ['selection', 'rows', 'criteria']],
        ['SelectionRow.evaluations', ['selection', 'rows', 'evaluations']],
        ['Evaluation.scores', ['selection', 'rows', 'evaluations', 'scores']],
      ];
      for (const [key, path] of bounds) {
        found[key] = Math.max(found[key] ?? 0, longest(selection.data, path));
      }
    }

    const over = Object.entries(found)
      .filter(([key, length]) => length > LIST_BOUNDS[key])
      .map(([key, length]) => `${key}: ${length} > ${LIST_BOUNDS[key]}`);
    expect(over).toEqual([]);
    // The reference tables are bounded by exactly what they hold.
    expect(found['Query.regions']).toBe(LIST_BOUNDS['Query.regions']);
  }, 120_000);
});
