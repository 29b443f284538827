import 'reflect-metadata';

import type { ExecutionCounts } from '../../server/src/graphql/compiled-execution';
import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import {
  createTestEnvironment,
  type GraphQLResponse,
  type TestEnvironment,
} from '../helpers/test-environment';

/**
 * Queries run compiled by graphql-jit from their second run (graphql/compiled-execution.ts).
 * The first run of a document is graphql-js's, so each case here sends the same document three
 * times and expects the compiled runs to answer exactly what graphql-js answered: data, nulls,
 * errors with their codes, paths and locations, HTTP status and extensions.
 */

/** Confidential fields read anonymously: null with FORBIDDEN, next to public ones. */
const DETAIL_FOR_ANONYMOUS = `query DetailSeenAnonymously($first: Int!, $year: Int!) {
  projects(first: $first, orderBy: [{ field: ACRONYM, direction: ASC }]) {
    totalCount
    nodes {
      acronym
      status
      totalBudget
      publicFundingRequested
      publicFundingGranted
      coordinatorId
      coordinator { name contactEmail }
      partners { role member { name } }
      history { __typename }
      regions { code }
      createdAt
      leadPole { name years { year budget } indicators(year: $year) { activeMembers fundingRaised privateFundingShare } }
    }
  }
}`;

/** A page size over the limit: a domain error (BAD_USER_INPUT) at the field's path. */
const PAGE = `query PolePage($first: Int) {
  poles(first: $first, orderBy: [{ field: NAME, direction: ASC }]) { nodes { name slug } }
}`;

interface Comparable {
  status: number;
  cacheControl: string | null;
  body: Omit<GraphQLResponse, 'status' | 'headers'>;
}

/** What must not differ between two runs of a document: all but per-request ids and budgets. */
function comparable(response: GraphQLResponse): Comparable {
  const { status, headers, ...body } = response;
  const errors = body.errors?.map((error) => {
    const { requestId: _requestId, ...extensions } = error.extensions ?? {};
    return { ...error, extensions };
  });
  const cost = body.extensions?.cost as Record<string, unknown> | undefined;
  const extensions = cost
    ? { ...body.extensions, cost: { ...cost, currentlyAvailable: 'varies' } }
    : body.extensions;
  return {
    status,
    cacheControl: headers.get('cache-control'),
    body: { ...body, ...(errors && { errors }), ...(extensions && { extensions }) },
  };
}

describe.each(testDatabaseKinds())('compiled execution on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    api = await createTestEnvironment(database);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  /** How the counts moved while `run` ran. */
  async function countsDuring(run: () => Promise<unknown>): Promise<ExecutionCounts> {
    const before = api.app.executionCounts();
    await run();
    const after = api.app.executionCounts();
    return {
      interpreted: after.interpreted - before.interpreted,
      compiled: after.compiled - before.compiled,
      compilations: after.compilations - before.compilations,
      notCompilable: after.notCompilable - before.notCompilable,
    };
  }

  /** Three runs of one document: graphql-js, then compiled (once compiled, then from the cache). */
  async function threeRuns(document: string, variables: Record<string, unknown>) {
    const runs: GraphQLResponse[] = [];
    const counts = await countsDuring(async () => {
      runs.push(await api.query(document, variables));
      runs.push(await api.query(document, variables));
      runs.push(await api.query(document, variables));
    });
    return { runs, counts };
  }

  it('answers confidential fields read anonymously as graphql-js does, compiled from the second run', async () => {
    const { runs, counts } = await threeRuns(DETAIL_FOR_ANONYMOUS, { first: 4, year: 2023 });
    expect(counts).toEqual({ interpreted: 1, compiled: 2, compilations: 1, notCompilable: 0 });

    const [interpreted, compiledOnce, compiledAgain] = runs.map(comparable);
    // The case is the one it claims to be: public data, and hidden fields null with FORBIDDEN.
    expect(interpreted.status).toBe(200);
    const nodes = (interpreted.body.data as { projects: { nodes: Record<string, unknown>[] } })
      .projects.nodes;
    expect(nodes).toHaveLength(4);
    expect(nodes[0]).toMatchObject({ totalBudget: null, coordinator: null, partners: null });
    expect(interpreted.body.errors?.length).toBeGreaterThan(10);
    expect(new Set(interpreted.body.errors?.map((error) => error.extensions?.code))).toEqual(
      new Set(['FORBIDDEN']),
    );
    expect(interpreted.body.errors?.[0]).toMatchObject({
      path: ['projects', 'nodes', 0, 'totalBudget'],
      locations: [{ line: 7, column: 7 }],
    });

    expect(compiledOnce).toEqual(interpreted);
    expect(compiledAgain).toEqual(interpreted);
  });

  it('answers an operation name the document lacks with 400, on every run', async () => {
    // GraphiQL sends one when a tab's document changes under it (seen in the playground suite).
    const send = () =>
      fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query Regions { regions { code } }',
          operationName: 'Gone',
        }),
      });
    for (let run = 0; run < 3; run += 1) {
      const response = await send();
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: object }[] };
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: 'Unknown operation named "Gone".',
          extensions: expect.objectContaining({ code: 'OPERATION_RESOLUTION_FAILURE' }),
        }),
      ]);
    }
  });

  it('answers a domain error at its path as graphql-js does', async () => {
    const { runs, counts } = await threeRuns(PAGE, { first: 101 });
    expect(counts).toEqual({ interpreted: 1, compiled: 2, compilations: 1, notCompilable: 0 });
    const [interpreted, ...compiled] = runs.map(comparable);
    expect(interpreted.body).toMatchObject({
      data: null,
      errors: [{ path: ['poles'], extensions: { code: 'BAD_USER_INPUT' } }],
    });
    for (const run of compiled) expect(run).toEqual(interpreted);
  });

  it('answers bad variables of a compiled document with 400 BAD_USER_INPUT, as graphql-js does', async () => {
    const fresh = `${PAGE}\n# bad variables`;
    const wrongType = { first: 'ten' };
    const first = comparable(await api.query(fresh, wrongType));
    expect(first.status).toBe(400);
    expect(first.body).toEqual({
      errors: [
        {
          message:
            'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
          locations: [{ line: 1, column: 16 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
      extensions: expect.any(Object),
    });
    // Compiled on its second good run; then bad variables again, and the compiled query still
    // answers good ones. (The cost check coerces variables before execution, so bad ones are
    // refused before either engine runs; the executor checks them again all the same.)
    const counts = await countsDuring(async () => {
      expect((await api.query(fresh, { first: 1 })).errors).toBeUndefined();
      expect((await api.query(fresh, { first: 2 })).errors).toBeUndefined();
      expect(comparable(await api.query(fresh, wrongType))).toEqual(first);
      expect((await api.query(fresh, { first: 3 })).errors).toBeUndefined();
    });
    expect(counts).toEqual({ interpreted: 1, compiled: 2, compilations: 1, notCompilable: 0 });

    const required = `query RequiredFirst($first: Int!) { poles(first: $first) { nodes { name } } }`;
    const missing = comparable(await api.query(required, {}));
    await api.query(required, { first: 1 });
    await api.query(required, { first: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(comparable(await api.query(required, {}))).toEqual(missing);
    expect(api.app.executionCounts().compilations).toBeGreaterThanOrEqual(3);
  });

  it('keeps graphql-js for a variable of a recursive filter type, which graphql-jit cannot compile', async () => {
    // Compiling it would expand ProjectFilter (and/or/not, leadPole → projects…) until the
    // process runs out of memory (graphql-jit issue #81).
    const { runs, counts } = await threeRuns(
      'query FilteredProjects($filter: ProjectFilter) { projects(first: 3, filter: $filter) { totalCount nodes { acronym } } }',
      { filter: { or: [{ status: { eq: 'FUNDED' } }, { status: { eq: 'COMPLETED' } }] } },
    );
    expect(counts).toEqual({ interpreted: 3, compiled: 0, compilations: 0, notCompilable: 1 });
    const [first, ...others] = runs.map(comparable);
    expect(first.body.errors).toBeUndefined();
    for (const run of others) expect(run).toEqual(first);
  });

  it('keeps graphql-js for documents reaching Node, whose runtime type resolves asynchronously', async () => {
    // type-graphql makes Node's resolveType async; graphql-jit would not wait for it.
    const project = Buffer.from('Project:1').toString('base64url');
    const { runs, counts } = await threeRuns(
      'query NodeLookup($id: ID!) { node(id: $id) { __typename id ... on Project { acronym } } }',
      { id: project },
    );
    expect(counts).toEqual({ interpreted: 3, compiled: 0, compilations: 0, notCompilable: 1 });
    const [first, ...others] = runs.map(comparable);
    expect(first.body.data).toEqual({
      node: { __typename: 'Project', id: project, acronym: expect.any(String) },
    });
    for (const run of others) expect(run).toEqual(first);
  });

  it('keeps graphql-js for introspection and mutations', async () => {
    const introspection = 'query Types { __schema { queryType { name } } }';
    const mutation = `mutation Refused { changeProjectStatus(id: "x", expectedVersion: 1, to: DRAFT) { userErrors { message } } }`;
    const counts = await countsDuring(async () => {
      for (let run = 0; run < 3; run++) {
        expect((await api.query(introspection)).data).toEqual({
          __schema: { queryType: { name: 'Query' } },
        });
        await api.query(mutation);
      }
    });
    expect(counts).toEqual({ interpreted: 6, compiled: 0, compilations: 0, notCompilable: 0 });
  });

  it('runs everything with graphql-js when GRAPHQL_JIT is off', async () => {
    const off = await createTestEnvironment(database, { execution: { jit: false } });
    try {
      for (let run = 0; run < 3; run++) await off.query(PAGE, { first: 2 });
      expect(off.app.executionCounts()).toEqual({
        interpreted: 3,
        compiled: 0,
        compilations: 0,
        notCompilable: 0,
      });
    } finally {
      await off.close();
    }
  });
});
