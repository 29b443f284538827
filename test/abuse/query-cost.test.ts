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
import { computeQueryCost, LIST_BOUNDS } from '../../server/src/graphql/limits/query-cost';
import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';

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
      'the selection dashboard holds a row per pole (60)',
      '{ selection(phase: 5) { rows { pole { name } } } }',
      121,
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
    expect(computeQueryCost(schema, parse(document), undefined, undefined, data)).toBe(1 + 4 + 2 + 1);
    expect(computeQueryCost(schema, parse(document), undefined, undefined, null)).toBe(0);
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
    const manifest = join(ROOT, defaults.trustedDocumentsManifest);
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
  const tokenCeiling = Math.min(...Object.values(defaults.maxQueryCostByRole));

  it('open the playground with an example anonymous callers may run', () => {
    const text = readFileSync(
      join(ROOT, 'server', 'src', 'http', 'playground', 'examples', '01-poles-by-region.graphql'),
      'utf8',
    );
    expect(computeQueryCost(schema, parse(text), undefined, {})).toBeLessThanOrEqual(
      defaults.maxQueryCost,
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
          shape.depth > defaults.maxQueryDepth ||
          shape.aliases > defaults.maxAliases ||
          shape.rootFields > defaults.maxRootFields
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
      rateLimitPoints: 1000,
      rateLimitRestoreRate: 0.001,
      maxQueryCost: 1000,
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('reports the cost of each request and what is left, as Shopify does', async () => {
    const simple = await api.query('query Regions { regions { code name } }');
    expect(simple.errors).toBeUndefined();
    expect(simple.extensions).toEqual({
      cost: {
        requestedQueryCost: 1,
        maximumAvailable: 1000,
        currentlyAvailable: 999,
        restoreRate: 0.001,
      },
    });

    const nested = await api.query(
      'query Nested($first: Int) { poles(first: $first) { nodes { projects(first: 10) { nodes { id } } } } }',
      { first: 55 },
    );
    expect(nested.errors).toBeUndefined();
    expect(nested.extensions).toEqual({
      cost: {
        requestedQueryCost: 661,
        maximumAvailable: 1000,
        currentlyAvailable: 338,
        restoreRate: 0.001,
      },
    });

    // Requests refused before they could be costed take the minimum, 1 point.
    const broken = await api.query('query Broken { regions { code ');
    expect(broken.status).toBe(400);
    expect(broken.extensions).toEqual({
      cost: {
        requestedQueryCost: 1,
        maximumAvailable: 1000,
        currentlyAvailable: 337,
        restoreRate: 0.001,
      },
    });
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
    expect(figures).toEqual({
      cost: 2,
      limit: 1000,
      remaining: currentlyAvailable,
      restoreRate: 0.001,
    });
    // Full again once the missing points have come back at 0.001 a second.
    const expectedReset = before + ((1000 - currentlyAvailable) / 0.001) * 1000;
    expect(Math.abs(Date.parse(resetAt) - expectedReset)).toBeLessThan(1_000_000);
  });
});
