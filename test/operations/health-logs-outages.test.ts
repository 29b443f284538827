import 'reflect-metadata';

import { createServer, type Server } from 'node:http';

import { createApp } from '../../server/src/app';
import { DomainError } from '../../server/src/core/domain-error';
import { databaseOf } from '../../server/src/database/database';
import { LogCapture } from '../helpers/log-capture';
import {
  createEmptyDatabase,
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import {
  createTestEnvironment,
  testConfig,
  type TestEnvironment,
} from '../helpers/test-environment';
import { ADMIN, ANALYST, bearerFor } from '../helpers/tokens';

const REGIONS = 'query Regions { regions { code } }';

async function get(
  url: string,
  path: string,
): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(new URL(path, url));
  return { status: response.status, body: await response.text(), headers: response.headers };
}

describe.each(testDatabaseKinds())('operations on %s', (kind) => {
  let database: TestDatabase;
  let environment: TestEnvironment;
  const log = new LogCapture('debug');

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    environment = await createTestEnvironment(
      database,
      process.env.TEST_REDIS_URL
        ? {
            redis: {
              url: process.env.TEST_REDIS_URL,
              keyPrefix: `polegraph-ops-${process.pid}:`,
            },
          }
        : {},
      { logger: log.logger },
    );
  });
  afterAll(async () => {
    await environment?.close();
    await database?.drop();
  });

  describe('health', () => {
    it('/healthz answers while the process runs', async () => {
      const response = await get(environment.url, '/healthz');
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
    });

    it('/readyz checks the database (and Redis when configured) with a round trip', async () => {
      const response = await get(environment.url, '/readyz');
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({
        status: 'ready',
        checks: process.env.TEST_REDIS_URL ? { database: 'ok', redis: 'ok' } : { database: 'ok' },
      });
    });
  });

  describe('request log', () => {
    it('writes one line per request with its id, operation, duration, outcome and caller — never the token', async () => {
      const { authorization } = await bearerFor(database.dataSource, ANALYST);
      const response = await environment.query(REGIONS, undefined, {
        authorization,
        'x-request-id': `ops-${kind}-1`,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe(`ops-${kind}-1`);
      const lines = log.withMessage('request').filter((line) => line.requestId === `ops-${kind}-1`);
      expect(lines).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/graphql',
          status: 200,
          outcome: 'ok',
          operation: 'Regions',
          caller: { name: ANALYST.name, role: 'MINISTRY_ANALYST' },
          durationMs: expect.any(Number),
          statements: expect.any(Number),
        }),
      ]);
      expect(lines[0].statements).toBeGreaterThanOrEqual(1);
      const secret = authorization.replace('Bearer ', '');
      expect(JSON.stringify(log.lines)).not.toContain(secret);
    });

    it('gives a request without an id a new one, and refuses ids that are not plain tokens', async () => {
      const fresh = await environment.query(REGIONS);
      expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const odd = await environment.query(REGIONS, undefined, { 'x-request-id': 'a b\tc' });
      expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('puts the request id in the extensions of every error', async () => {
      const response = await environment.query('query Broken { regions { nope } }', undefined, {
        'x-request-id': `ops-${kind}-2`,
      });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        requestId: `ops-${kind}-2`,
      });
    });
  });

  describe('metrics', () => {
    it('/metrics gives requests, latency, error codes, statements, event-loop lag and memory', async () => {
      await environment.query('query MetricsProbe { regions { code } }');
      await environment.query('query MetricsBroken { regions { nope } }');
      const response = await get(environment.url, '/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = response.body;
      expect(text).toMatch(
        /^polegraph_graphql_requests_total\{operation="MetricsProbe",outcome="ok"\} 1$/m,
      );
      expect(text).toMatch(
        /^polegraph_graphql_request_duration_seconds_count\{operation="MetricsProbe",outcome="ok"\} 1$/m,
      );
      expect(text).toMatch(
        /^polegraph_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/m,
      );
      expect(text).toMatch(/^polegraph_sql_statements_per_request_count [1-9]/m);
      expect(text).toMatch(/^polegraph_nodejs_eventloop_lag_seconds /m);
      expect(text).toMatch(/^polegraph_process_resident_memory_bytes /m);
      if (kind === 'mysql') expect(text).toMatch(/^polegraph_db_pool_in_use \d+$/m);
    });
  });

  describe('bounded resources', () => {
    it('applies the configured HTTP timeouts', async () => {
      const app = await createApp(
        testConfig(database, {
          operations: {
            ...environment.app.config.operations,
            headersTimeoutMs: 7000,
            requestTimeoutMs: 21000,
            keepAliveTimeoutMs: 3000,
          },
        }),
        { dataSource: database.dataSource, logger: log.logger },
      );
      const { server } = await app.listen(0);
      expect([server.headersTimeout, server.requestTimeout, server.keepAliveTimeout]).toEqual([
        7000, 21000, 3000,
      ]);
      await app.close();
    });
  });
});

describe.each(testDatabaseKinds())('stopping and outages on %s', (kind) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createEmptyDatabase(kind, 'outage');
  });
  afterEach(async () => {
    await database?.drop();
  });

  it('/readyz turns 503 as soon as the stop begins', async () => {
    const environment = await createTestEnvironment(database);
    // A second listener on the same app, left open, reads /readyz once the main one is closing.
    const probe: Server = createServer(environment.app.express);
    await new Promise<void>((resolve) => probe.listen(0, resolve));
    const address = probe.address() as { port: number };
    const closing = environment.close();
    const response = await get(`http://127.0.0.1:${address.port}`, '/readyz');
    await closing;
    await new Promise((resolve) => probe.close(resolve));
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toEqual({
      status: 'unavailable',
      checks: { server: 'stopping' },
    });
  });

  it('/readyz answers 503 with the reason when the database is gone, and logs the state change once', async () => {
    const log = new LogCapture();
    const environment = await createTestEnvironment(database, {}, { logger: log.logger });
    expect((await get(environment.url, '/readyz')).status).toBe(200);
    await database.dataSource.destroy();
    const first = await get(environment.url, '/readyz');
    const second = await get(environment.url, '/readyz');
    await environment.close();
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('1');
    const body = JSON.parse(first.body) as { status: string; checks: { database: string } };
    expect(body.status).toBe('unavailable');
    expect(body.checks.database).not.toBe('ok');
    expect(second.status).toBe(503);
    expect(log.withMessage('database unreachable')).toHaveLength(1);
  });

  /**
   * The database port (database/) raises SERVICE_UNAVAILABLE when the database cannot be
   * reached (test/database/database-outage.test.ts cuts a real connection); here the port's
   * reads and the data source's query runners raise it, as a database that is down does, both
   * while authenticating and while executing.
   */
  describe('a database that is out of reach', () => {
    let environment: TestEnvironment;
    let authorization: string;

    beforeEach(async () => {
      ({ authorization } = await bearerFor(database.dataSource, ADMIN));
      environment = await createTestEnvironment(database);
      const down = () =>
        new DomainError('SERVICE_UNAVAILABLE', 'The database cannot be reached; retry shortly.');
      database.dataSource.createQueryRunner = () => {
        throw down();
      };
      databaseOf(database.dataSource).read = () => Promise.reject(down());
    });
    afterEach(async () => {
      await environment.close();
      // The data source's and the port's own methods again, so they can serve and close.
      delete (database.dataSource as { createQueryRunner?: unknown }).createQueryRunner;
      delete (databaseOf(database.dataSource) as { read?: unknown }).read;
    });

    it('answers token holders (failing in authentication) 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
      const response = await environment.query(REGIONS, undefined, {
        authorization,
        'x-request-id': 'outage-token',
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.errors).toEqual([
        {
          message: 'The database cannot be reached; retry shortly.',
          extensions: { code: 'SERVICE_UNAVAILABLE', requestId: 'outage-token' },
        },
      ]);
    });

    it('answers anonymous callers (failing in execution) 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
      const response = await environment.query(REGIONS, undefined, {
        'x-request-id': 'outage-anon',
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.errors?.[0]).toMatchObject({
        message: 'The database cannot be reached; retry shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE', requestId: 'outage-anon' },
      });
    });
  });
});
