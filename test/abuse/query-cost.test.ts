import 'reflect-metadata';

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLSchema,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  parse,
  typeFromAST,
} from 'graphql';

import { loadConfig } from '../../server/src/config/config';
import { servedSchema } from '../../server/src/features';
import { measureOperation } from '../../server/src/graphql/limits/operation-shape';
import { computeQueryCost, createCostEstimator } from '../../server/src/graphql/limits/query-cost';
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
  return computeQueryCost(
    schema,
    createCostEstimator(schema),
    parse(document),
    undefined,
    variables,
  );
}

describe('the cost model', () => {
  it.each([
    ['a list of scalars-only objects costs 1', '{ regions { code name } }', 1],
    ['a page costs 1 plus 1 per row', '{ poles(first: 55) { nodes { id name } } }', 56],
    [
      'a nested page multiplies',
      '{ poles(first: 55) { nodes { projects(first: 10) { nodes { id } } } } }',
      661,
    ],
    ['edges count their node', '{ poles(first: 10) { edges { cursor node { id } } } }', 21],
    [
      'pageInfo and totalCount are free',
      '{ poles(first: 10) { totalCount pageInfo { hasNextPage endCursor } } }',
      1,
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
      'a list without pagination holds 5 items',
      '{ pole(slug: "x") { themes { code } years { year } } }',
      3,
    ],
    [
      'objects in lists without pagination count 5 times',
      '{ project(acronym: "x") { partners { member { name } } } }',
      7,
    ],
    [
      'nodes(ids:) counts its ids',
      '{ nodes(ids: ["a", "b", "c"]) { id ... on Pole { region { code } } } }',
      4,
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

  it('stay within the default limits with their default variables', () => {
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
        const cost = computeQueryCost(
          schema,
          createCostEstimator(schema),
          document,
          operation.name?.value,
          variables,
        );
        if (
          cost > defaults.limits.maxQueryCost ||
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
