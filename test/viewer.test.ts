import 'reflect-metadata';

import { isEnumType } from 'graphql';

import { Role } from '../server/src/auth/roles';
import { ERROR_CODES } from '../server/src/core/error-codes';
import { servedSchema } from '../server/src/features';
import { openSeededDatabase, type TestDatabase, testDatabaseKinds } from './helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from './helpers/test-environment';
import { bearerFor } from './helpers/tokens';

const VIEWER = `query { viewer { role tokenName scope { kind code name } rateLimit { limit remaining } } }`;

describe.each(testDatabaseKinds())('the viewer query (%s)', (kind) => {
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

  it('answers ANONYMOUS without a token, with no name or scope but a rate limit', async () => {
    const { data, errors } = await api.query(VIEWER);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      viewer: {
        role: 'ANONYMOUS',
        tokenName: null,
        scope: null,
        rateLimit: { limit: expect.any(Number), remaining: expect.any(Number) },
      },
    });
  });

  it.each([
    [
      { role: Role.REGION_OFFICER, regionCode: '84' },
      { kind: 'REGION', code: '84', name: 'Auvergne-Rhône-Alpes' },
    ],
    [
      { role: Role.MINISTRY_ANALYST, ministryCode: 'ECO' },
      { kind: 'MINISTRY', code: 'ECO', name: expect.any(String) },
    ],
    [
      { role: Role.POLE_MANAGER, poleSlug: 'cara' },
      { kind: 'POLE', code: 'cara', name: expect.any(String) },
    ],
    [{ role: Role.ADMIN }, null],
  ])('names the role, the token and its scope: %o', async (request, scope) => {
    const headers = await bearerFor(database.dataSource, {
      ...request,
      name: `viewer ${request.role}`,
    });
    const { data, errors } = await api.query<{ viewer: Record<string, unknown> }>(
      VIEWER,
      undefined,
      headers,
    );
    expect(errors).toBeUndefined();
    expect(data?.viewer).toMatchObject({
      role: request.role,
      tokenName: `viewer ${request.role}`,
      scope,
    });
  });
});

describe('enum ErrorCode in the schema', () => {
  it('lists every code of core/error-codes.ts with its description', async () => {
    const type = (await servedSchema()).getType('ErrorCode');
    if (!isEnumType(type)) throw new Error('the schema has no enum ErrorCode');
    expect(
      Object.fromEntries(type.getValues().map((value) => [value.name, value.description])),
    ).toEqual(ERROR_CODES);
    expect(type.getValue('CONFLICT')).toBeDefined();
    expect(type.getValue('SERVICE_UNAVAILABLE')).toBeDefined();
  });
});
