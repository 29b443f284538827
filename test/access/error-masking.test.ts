import 'reflect-metadata';

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
    const environment = await createTestEnvironment(database, {
      process: { nodeEnv, logLevel: 'warn' },
    });
    environments.push(environment);
    const response = await environment.query('query Poles { poles(first: 2) { nodes { name } } }');
    return { environment, response };
  }

  it('are masked in production: a code and a safe message, no SQL, no stack', async () => {
    const { environment, response } = await brokenQuery('production');
    expect(response.errors).toEqual([
      {
        message: 'Internal server error: the failure was logged, please retry or report it.',
        locations: [{ line: 1, column: 15 }],
        path: ['poles'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
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
