import 'reflect-metadata';

import { loadConfig } from '../../server/src/config/config';
import { rowCounts } from '../helpers/row-counts';
import { countStatements } from '../helpers/statement-counter';
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
 * Requests meant to hurt the server, each refused with a clear error, after which the server
 * must still answer an ordinary query. Sent anonymously, as an attacker would; the limits are
 * the production defaults (depth 12, 30 aliases, 20 root fields, cost 1,000, 1 MB, batches of 10).
 */
describe.each(testDatabaseKinds())('adversarial requests on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  let regionCount: number;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    // The production limits, which the test harness relaxes for other suites.
    const production = loadConfig({});
    api = await createTestEnvironment(database, {
      limits: { maxQueryCost: production.limits.maxQueryCost },
    });
    regionCount = Number(
      ((await database.dataSource.query('SELECT COUNT(*) AS n FROM region')) as { n: number }[])[0]
        .n,
    );
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  afterEach(async () => {
    // Whatever came before, the server answers an ordinary query.
    const response = await api.query<{ regions: { code: string }[] }>(
      'query Regions { regions { code name } }',
    );
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect(response.data!.regions).toHaveLength(regionCount);
  });

  /** Sends `body` as it is, and reads the answer as JSON. */
  async function post(
    body: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: unknown }> {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, json: await response.json() };
  }

  /** The one error of a refused request, after checking nothing ran. */
  function refusal(response: GraphQLResponse): {
    message: string;
    extensions?: Record<string, unknown>;
  } {
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    // Every error names its request (X-Request-Id); the rest is compared whole.
    const { requestId, ...extensions } = response.errors![0].extensions ?? {};
    expect(requestId).toEqual(expect.any(String));
    return { ...response.errors![0], extensions };
  }

  it('refuses a depth bomb before running it', async () => {
    // Region → poles → nodes → region → … 32 levels deep: each page could multiply the rows.
    let selection = 'id';
    for (let level = 0; level < 10; level += 1) {
      selection = `poles(first: 100) { nodes { region { ${selection} } } }`;
    }
    const { result, statements } = await countStatements(database.dataSource, () =>
      api.query(`query DepthBomb { regions { ${selection} } }`),
    );
    expect(result.status).toBe(400);
    expect(refusal(result)).toEqual({
      message: 'This operation nests fields 32 deep; at most 12 levels are allowed.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', maximum: 12, actual: 32 },
    });
    expect(statements).toEqual([]);
  });

  it('refuses alias amplification (1,000 aliases)', async () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: name`).join(' ');
    const response = await api.query(`query Aliases { region(code: "84") { ${aliases} } }`);
    expect(response.status).toBe(400);
    expect(refusal(response)).toEqual({
      message:
        'This operation uses 1000 aliases (fragments counted each time they are spread); at most 30 are allowed.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', maximum: 30, actual: 1000 },
    });
  });

  it('refuses 1,000 aliased root fields', async () => {
    const fields = Array.from({ length: 1000 }, (_, index) => `r${index}: regions { code }`).join(
      ' ',
    );
    const response = await api.query(`query RootFlood { ${fields} }`);
    expect(response.status).toBe(400);
    expect(refusal(response).extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'rootFields',
      maximum: 20,
      actual: 1000,
    });
  });

  it('refuses aliases multiplied through fragments', async () => {
    // 5 aliases in a fragment spread 10 times: 50 aliases in the answer.
    const spreads = Array.from(
      { length: 10 },
      (_, index) => `s${index}: region(code: "84") { ...Names }`,
    ).join(' ');
    const response = await api.query(
      `query Spread { ${spreads} } fragment Names on Region { a: name b: name c: name d: name e: name }`,
    );
    expect(refusal(response).extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'aliases',
      actual: 60,
    });
  });

  it('refuses a fragment explosion (each fragment spreads the next one twice)', async () => {
    const fragments = Array.from(
      { length: 30 },
      (_, index) => `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`,
    ).join(' ');
    const response = await api.query(
      `query Explosion { ...F0 } ${fragments} fragment F30 on Query { __typename }`,
    );
    expect(response.status).toBe(400);
    expect(refusal(response).extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'rootFields',
    });
  });

  it('refuses a huge `first` with the page-size rule', async () => {
    const response = await api.query('query HugePage { poles(first: 1000000) { nodes { id } } }');
    expect(refusal(response)).toMatchObject({
      message: 'first must be between 0 and 100, got 1000000; follow pageInfo.endCursor for more',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    });
  });

  it('refuses a `first` beyond 32-bit integers during validation', async () => {
    const response = await api.query(
      'query HugerPage { poles(first: 99999999999) { nodes { id } } }',
    );
    expect(response.status).toBe(400);
    expect(refusal(response)).toMatchObject({
      message: 'Int cannot represent non 32-bit signed integer value: 99999999999',
      extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
    });
  });

  it('refuses nested pages whose cost goes over the limit, before running anything', async () => {
    const { result, statements } = await countStatements(database.dataSource, () =>
      api.query(
        'query Costly { poles(first: 100) { nodes { projects(first: 100) { nodes { id } } } } }',
      ),
    );
    expect(result.status).toBe(400);
    expect(refusal(result)).toEqual({
      message:
        'This operation costs 10201 points, more than the 1000 one operation may cost: ask for smaller pages ' +
        '(first/last) or fewer nested lists, and follow the cursors.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 1000, actual: 10201 },
    });
    expect(statements).toEqual([]);
  });

  it('refuses a circular fragment', async () => {
    const response = await api.query(
      'query Circular { regions { ...A } } ' +
        'fragment A on Region { poles { nodes { region { ...B } } } } fragment B on Region { ...A }',
    );
    expect(response.status).toBe(400);
    expect(refusal(response)).toMatchObject({
      message: 'Cannot spread fragment "A" within itself via "B".',
      extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
    });
  });

  it('refuses a 5 MB body with HTTP 413', async () => {
    const body = JSON.stringify({
      query: 'query Big { regions { code } }',
      variables: { pad: 'x'.repeat(5 * 1024 * 1024) },
    });
    const { status, json } = await post(body);
    expect(status).toBe(413);
    expect(json).toEqual({
      errors: [
        {
          message: 'The request body is larger than the 1 MB a request may send.',
          extensions: {
            code: 'PAYLOAD_TOO_LARGE',
            maximumBytes: 1048576,
            requestId: expect.any(String),
          },
        },
      ],
    });
  });

  it('refuses a document of more than 10,000 tokens while parsing', async () => {
    const response = await api.query(`query Tokens { ${'__typename '.repeat(12000)} }`);
    expect(response.status).toBe(400);
    const error = refusal(response);
    expect(error.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    // graphql-js spells it "more that" in some versions.
    expect(error.message).toMatch(
      /^Syntax Error: Document contains more th(?:an|at) 10000 tokens\. Parsing aborted\.$/,
    );
  });

  it('refuses a body that is not JSON', async () => {
    const { status, json } = await post('{"query": "{ regions { code } }"');
    expect(status).toBe(400);
    expect(json).toEqual({
      errors: [
        {
          message: 'The request body is not valid JSON.',
          extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
        },
      ],
    });
  });

  it('refuses a batch of 1,000 operations, and runs a batch of 3', async () => {
    const operation = { query: 'query Regions { regions { code } }' };
    const refused = await post(JSON.stringify(Array.from({ length: 1000 }, () => operation)));
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      errors: [
        {
          message:
            'A batched request may hold at most 10 operations; this one holds 1000. Send them in several requests.',
          extensions: {
            code: 'BATCH_TOO_LARGE',
            maximum: 10,
            actual: 1000,
            requestId: expect.any(String),
          },
        },
      ],
    });

    const accepted = await post(JSON.stringify([operation, operation, operation]));
    expect(accepted.status).toBe(200);
    const answers = accepted.json as {
      data: { regions: unknown[] };
      extensions: { cost: unknown };
    }[];
    expect(answers).toHaveLength(3);
    for (const answer of answers) {
      expect(answer.data.regions).toHaveLength(regionCount);
      // 18 regions, one point each (see the cost model).
      expect(answer.extensions.cost).toMatchObject({ requestedQueryCost: 18 });
    }
  });

  describe('filters', () => {
    const tables = ['pole', 'project', 'member', 'region'];

    const tableCounts = () => rowCounts(database.dataSource, tables);

    it.each([
      ["'; DROP TABLE pole; --"],
      ['" OR "1"="1'],
      ["') OR ('1'='1"],
      ["\\'; DELETE FROM project; --"],
      ["%' UNION SELECT * FROM api_token --"],
    ])('treats SQL metacharacters as text: %s', async (text) => {
      const before = await tableCounts();
      const inline = await api.query(
        `query Injection { poles(filter: { name: { contains: ${JSON.stringify(text)} } }) { totalCount nodes { id } } }`,
      );
      expect(inline.errors).toBeUndefined();
      expect(inline.data).toEqual({ poles: { totalCount: 0, nodes: [] } });

      const variables = await api.query(
        'query Injection($text: String!) { projects(filter: { title: { contains: $text } }) { totalCount } }',
        { text },
      );
      expect(variables.errors).toBeUndefined();
      expect(variables.data).toEqual({ projects: { totalCount: 0 } });
      expect(await tableCounts()).toEqual(before);
    });

    it('refuses a 100 KB string in a filter', async () => {
      const response = await api.query(
        'query LongText($text: String!) { poles(filter: { name: { contains: $text } }) { totalCount } }',
        { text: 'a'.repeat(100 * 1024) },
      );
      expect(refusal(response)).toMatchObject({
        message: 'filter.name.contains: text filters take at most 200 characters',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      });
    });
  });

  describe('malformed values', () => {
    it.each([
      ['not base64 at all !!!'],
      [Buffer.from('Pole:abc').toString('base64url')],
      [Buffer.from('Nonsense:1').toString('base64url')],
      [''],
    ])('refuses the id %j with BAD_USER_INPUT', async (id) => {
      const response = await api.query('query Node($id: ID!) { node(id: $id) { id } }', { id });
      // `node` is nullable: null at its path, with the error beside it.
      expect(response.data).toEqual({ node: null });
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^id: ".*" is not a valid id/),
          path: ['node'],
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
    });

    it.each([['garbage'], [Buffer.from('{"not":"a cursor"}').toString('base64url')], ['%%%%']])(
      'refuses the cursor %j with BAD_USER_INPUT',
      async (cursor) => {
        const response = await api.query(
          'query Page($after: String) { poles(first: 5, after: $after) { nodes { id } } }',
          { after: cursor },
        );
        expect(refusal(response)).toMatchObject({
          message:
            'after: not a valid cursor; pass back a `cursor` or `pageInfo.endCursor` from this list',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        });
      },
    );

    it.each([
      [
        'a string for an Int',
        'query Page($first: Int) { poles(first: $first) { totalCount } }',
        { first: 'ten' },
      ],
      [
        'a float for an Int',
        'query Page($first: Int) { poles(first: $first) { totalCount } }',
        { first: 2.5 },
      ],
      [
        'a list for an input object',
        'query Filter($filter: PoleFilter) { poles(filter: $filter) { totalCount } }',
        { filter: [1, 2] },
      ],
      [
        'an unknown input field',
        'query Filter($filter: PoleFilter) { poles(filter: $filter) { totalCount } }',
        { filter: { nope: 1 } },
      ],
      [
        'null for a required variable',
        'query Node($id: ID!) { node(id: $id) { id } }',
        { id: null },
      ],
    ])('refuses %s with BAD_USER_INPUT (HTTP 400)', async (_label, document, variables) => {
      const response = await api.query(document, variables);
      expect(response.status).toBe(400);
      const error = refusal(response);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/^Variable "\$\w+"/);
    });
  });
});
