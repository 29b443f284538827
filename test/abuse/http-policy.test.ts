import 'reflect-metadata';

import { openSeededDatabase, type TestDatabase } from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';

/** Browser-facing policy of /graphql: CORS origins, CSRF prevention, introspection. SQLite only: no SQL here. */
describe('the HTTP policy', () => {
  let database: TestDatabase;
  const environments: TestEnvironment[] = [];

  async function server(
    overrides: Parameters<typeof createTestEnvironment>[1] = {},
  ): Promise<TestEnvironment> {
    const environment = await createTestEnvironment(database, overrides);
    environments.push(environment);
    return environment;
  }

  beforeAll(async () => {
    database = await openSeededDatabase('sqlite');
  });
  afterAll(async () => {
    for (const environment of environments) await environment.close();
    await database?.drop();
  });

  function post(
    url: string,
    headers: Record<string, string>,
    body = '{"query":"query Regions { regions { code } }"}',
  ) {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  }

  describe('CORS', () => {
    it('allows no foreign origin by default', async () => {
      const api = await server();
      const response = await post(api.url, { origin: 'https://elsewhere.example' });
      // The request itself is answered (CORS is for browsers), without leave to read it.
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('allows the configured origins, and answers their preflight', async () => {
      const api = await server({ http: { corsOrigins: ['https://app.example.fr'] } });
      const allowed = await post(api.url, { origin: 'https://app.example.fr' });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.fr');
      const other = await post(api.url, { origin: 'https://elsewhere.example' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();

      const preflight = await fetch(api.url, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example.fr',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.fr');
      expect(preflight.headers.get('access-control-allow-headers')).toBe(
        'content-type, authorization',
      );
    });

    it('allows any origin with *', async () => {
      const api = await server({ http: { corsOrigins: ['*'] } });
      const response = await post(api.url, { origin: 'https://anywhere.example' });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    });
  });

  it('keeps Apollo’s CSRF prevention: a simple cross-site request is refused', async () => {
    const api = await server();
    // text/plain needs no preflight, so a foreign page could send it: Apollo refuses it.
    const response = await post(api.url, { 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(
      /This operation has been blocked as a potential Cross-Site Request Forgery/,
    );
  });

  describe('introspection', () => {
    const INTROSPECTION = 'query Schema { __schema { queryType { name } } }';

    it('is on by default', async () => {
      const api = await server();
      const response = await api.query(INTROSPECTION);
      expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('answers GraphiQL’s full introspection query within the limits', async () => {
      const { getIntrospectionQuery } = await import('graphql');
      const api = await server();
      const response = await api.query(getIntrospectionQuery());
      expect(response.errors).toBeUndefined();
      expect(response.extensions?.cost).toMatchObject({ requestedQueryCost: 1 });
    });

    it('can be turned off', async () => {
      const api = await server({ http: { introspection: false } });
      const response = await api.query(INTROSPECTION);
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.errors?.[0].message).toMatch(/introspection is not allowed/i);
    });
  });
});
