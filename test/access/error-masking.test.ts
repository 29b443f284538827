import 'reflect-metadata';

import { LogCapture } from '../helpers/log-capture';
import { createEmptyDatabase, type TestDatabase } from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';

/**
 * An unexpected failure (here: SQL against a table that is gone) must never show SQL, internal
 * messages or stack traces in production; the code and a safe message stay.
 */
describe('unexpected errors', () => {
  let database: TestDatabase;
  const environments: TestEnvironment[] = [];

  beforeAll(async () => {
    database = await createEmptyDatabase('sqlite', 'masking');
    await database.dataSource.query('ALTER TABLE `pole` RENAME TO `pole_gone`');
  });
  afterAll(async () => {
    for (const environment of environments) await environment.close();
    await database?.drop();
  });

  async function brokenQuery(nodeEnv: 'production' | 'development') {
    const log = new LogCapture();
    const environment = await createTestEnvironment(
      database,
      { process: { nodeEnv, logLevel: 'warn' } },
      { logger: log.logger },
    );
    environments.push(environment);
    const response = await environment.query(
      'query Poles { poles(first: 2) { nodes { name } } }',
      undefined,
      { 'x-request-id': `masking-${nodeEnv}` },
    );
    return { environment, response, log };
  }

  it('are masked in production: a code and a safe message, no SQL, no stack', async () => {
    const { environment, response, log } = await brokenQuery('production');
    expect(response.errors).toEqual([
      {
        message: 'Internal server error: the failure was logged, please retry or report it.',
        locations: [{ line: 1, column: 15 }],
        path: ['poles'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'masking-production' },
      },
    ]);
    expect(response.headers.get('x-request-id')).toBe('masking-production');
    // Logged once, with the request id, the real cause and its stack.
    const logged = log.withMessage('unexpected error');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 50,
      requestId: 'masking-production',
      operation: 'Poles',
      path: 'poles',
      err: { message: expect.stringMatching(/pole/), stack: expect.stringMatching(/\n\s+at /) },
    });
    // And the request's own line says how it ended.
    expect(log.withMessage('request')).toEqual([
      expect.objectContaining({
        requestId: 'masking-production',
        operation: 'Poles',
        status: 200,
        outcome: 'error',
        errorCodes: ['INTERNAL_SERVER_ERROR'],
        caller: { name: 'anonymous' },
      }),
    ]);
    expect(JSON.stringify(response)).not.toMatch(
      /SELECT|pole_gone|no such table|\.ts:\d+|\.js:\d+/i,
    );
    // The server keeps answering.
    const regions = await environment.query('query Regions { regions { code } }');
    expect(regions.errors).toBeUndefined();
  });

  it('keep their message in development, still without a stack trace', async () => {
    const { response } = await brokenQuery('development');
    expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(response.errors?.[0].message).toMatch(/pole/);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|\.js:\d+:\d+/);
  });
});
