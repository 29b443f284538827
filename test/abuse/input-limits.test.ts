import 'reflect-metadata';

import { ApiToken } from '../../server/src/api-token/api-token.entity';
import { issueToken } from '../../server/src/api-token/api-token.service';
import { Role } from '../../server/src/auth/roles';
import { loadConfig } from '../../server/src/config/config';
import { inTransaction } from '../../server/src/database/transactions';
import { countStatements } from '../helpers/statement-counter';
import {
  createEmptyDatabase,
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
 * Inputs too big for one statement are refused before any SQL, with BAD_USER_INPUT and the
 * limit; a NUL in a text filter is refused rather than cut the text short. Sent anonymously,
 * at the production limits, by an administrator where the cost ceiling would refuse first.
 */
describe.each(testDatabaseKinds())('inputs too big for the database on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    api = await createTestEnvironment(database, {
      limits: { maxQueryCost: loadConfig({}).limits.maxQueryCost },
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  async function refusedBeforeSql(
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse> {
    const { result, statements } = await countStatements(database.dataSource, () =>
      api.query(document, variables),
    );
    expect(statements).toEqual([]);
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    return result;
  }

  it('refuses an `or` of 1,100 conditions, saying how many are allowed', async () => {
    const branches = Array.from({ length: 1100 }, (_, index) => ({ siren: { eq: String(index) } }));
    const response = await refusedBeforeSql(
      'query Many($filter: MemberFilter) { members(first: 1, filter: $filter) { nodes { id } } }',
      { filter: { or: branches } },
    );
    expect(response.errors![0]).toMatchObject({
      message:
        'filter: at most 100 conditions in one filter (each operator of every branch counts), ' +
        'got 1100: use `in` lists for alternatives on one field',
      extensions: { code: 'BAD_USER_INPUT', argumentPath: ['filter'] },
    });
  });

  it('refuses 35,000 values of `in` lists in one filter', async () => {
    const branches = Array.from({ length: 70 }, (_, branch) => ({
      siren: { in: Array.from({ length: 500 }, (_, index) => `${branch}-${index}`) },
    }));
    const response = await refusedBeforeSql(
      'query Values($filter: MemberFilter) { members(first: 1, filter: $filter) { totalCount } }',
      { filter: { or: branches } },
    );
    expect(response.errors![0]).toMatchObject({
      message: 'filter: at most 5000 values in the lists of one filter, got 35000',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    });
  });

  it('refuses variables nested 5,000 levels deep', async () => {
    // Written by hand: JSON.stringify itself cannot nest that deep.
    const filter = `${'{"not":'.repeat(5000)}{"siren":{"eq":"x"}}${'}'.repeat(5000)}`;
    const { result, statements } = await countStatements(database.dataSource, async () => {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body:
          '{"query":"query Deep($filter: MemberFilter) { members(first: 1, filter: $filter) { totalCount } }",' +
          `"variables":{"filter":${filter}}}`,
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse };
    });
    expect(statements).toEqual([]);
    expect(result.status).toBe(400);
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message: 'Variables nest at most 33 levels deep (objects and lists).',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it('refuses a NUL character in a text filter instead of matching every row', async () => {
    for (const operator of ['contains', 'startsWith', 'eq']) {
      const response = await api.query(
        `query Nul($text: String!) { members(first: 1, filter: { name: { ${operator}: $text } }) { totalCount } }`,
        { text: 'a\u0000' },
      );
      expect(response.data ?? null).toBeNull();
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: `filter.name.${operator}: text filters may not contain the NUL character (\\u0000)`,
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
    }
    // Other text still matches literally, accents and case aside.
    const literal = await api.query<{ members: { totalCount: number } }>(
      'query Literal { members(first: 1, filter: { name: { contains: "%_\\\\" } }) { totalCount } }',
    );
    expect(literal.errors).toBeUndefined();
    expect(literal.data!.members.totalCount).toBe(0);
  });
});

describe.each(testDatabaseKinds())('refused tokens in production on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    database = await createEmptyDatabase(kind, 'tokens');
    const issue = (name: string, expiresAt: Date | null = null) =>
      inTransaction(database.dataSource, (manager) =>
        issueToken(manager, { name, role: Role.ADMIN, expiresAt }),
      );
    const tokens = database.dataSource.getRepository(ApiToken);
    const revoked = await issue('revoked token');
    await tokens.update(revoked.token.id, { revokedAt: new Date() });
    secrets.revoked = revoked.secret;
    const expired = await issue('expired token', new Date(Date.now() + 60_000));
    await tokens.update(expired.token.id, { expiresAt: new Date(Date.now() - 60_000) });
    secrets.expired = expired.secret;
    // A well-formed secret that was never issued: the revoked one with its last character changed.
    secrets.unknown = `${revoked.secret.slice(0, -1)}${revoked.secret.endsWith('a') ? 'b' : 'a'}`;
    api = await createTestEnvironment(database, {
      process: { nodeEnv: 'production', logLevel: 'warn' },
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it.each([
    ['revoked', () => `Bearer ${secrets.revoked}`, 'This API token was revoked'],
    ['expired', () => `Bearer ${secrets.expired}`, 'This API token has expired'],
    ['unknown', () => `Bearer ${secrets.unknown}`, 'Unknown API token'],
    ['malformed', () => 'Bearer not-a-token', 'This is not a PoleGraph API token'],
    [
      'not a bearer',
      () => 'Basic dXNlcjpwYXNz',
      'The Authorization header must read "Bearer <token>"',
    ],
  ])('answers a %s token with HTTP 401 and UNAUTHENTICATED', async (_label, header, message) => {
    const response = await api.query('query Regions { regions { code } }', undefined, {
      authorization: header(),
    });
    expect(response.status).toBe(401);
    expect(response.errors).toEqual([
      expect.objectContaining({
        message,
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      }),
    ]);
  });
});

describe.each(testDatabaseKinds())('bad playground asset paths on %s', (kind) => {
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

  it.each([
    ['/playground/assets/%E0%A4%A', 400],
    ['/playground/assets/..%2f..%2fpackage.json', 403],
    ['/playground/assets/no-such-file.js', 404],
  ])('answers %s with %i, quietly', async (path, status) => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await fetch(new URL(path, api.url));
      expect(response.status).toBe(status);
      const text = await response.text();
      expect(text).not.toMatch(/\bat \w|Error:/);
      expect(text.split('\n').filter(Boolean)).toHaveLength(1);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
