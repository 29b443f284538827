import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { allOptions, ConfigError, DEFAULTS, loadConfig } from '../server/src/config/config';

describe('loadConfig', () => {
  it('has a documented default for every option', () => {
    expect(loadConfig({})).toEqual({
      process: {
        nodeEnv: 'development',
        logLevel: 'info',
        heapGrowthPercent: 50,
      },
      http: {
        port: 4000,
        playground: 'graphiql',
        dashboards: true,
        introspection: true,
        corsOrigins: [],
        bodyLimitBytes: 1048576,
        maxBatchSize: 10,
        tokenCacheMs: 2000,
      },
      database: {
        url: 'sqlite:./data/polegraph.sqlite',
        replicaUrls: [],
        maxStatementMs: 5000,
        readCacheMs: 10000,
        connectTimeoutMs: 5000,
        acquireTimeoutMs: 5000,
        sqliteReadWorkers: 2,
        sqliteInlineReadMs: 1,
        connection: {
          kind: 'sqlite',
          path: './data/polegraph.sqlite',
        },
        replicas: [],
      },
      limits: {
        maxQueryTokens: 10000,
        maxQueryDepth: 12,
        maxAliases: 30,
        maxRootFields: 20,
        maxQueryCost: 1000,
        maxQueryCostByRole: {
          POLE_MANAGER: 25000,
          REGION_OFFICER: 50000,
          MINISTRY_ANALYST: 100000,
          ADMIN: 100000,
        },
        heavyQueryCost: 5000,
        maxConcurrentHeavyExecutions: 2,
        trustedDocuments: 'off',
        trustedDocumentsManifest: 'client-sdk/src/generated/persisted-documents.json',
      },
      execution: { jit: true, jitCacheSize: 500 },
      rateLimit: {
        points: 1000,
        restoreRate: 50,
      },
      operations: {
        stopGracePeriodMs: 15000,
        headersTimeoutMs: 10000,
        requestTimeoutMs: 30000,
        keepAliveTimeoutMs: 5000,
        maxConcurrentExecutions: 32,
        maxQueuedExecutions: 256,
        executionQueueTimeoutMs: 10000,
        metrics: true,
        metricsPort: null,
        otlpEndpoint: null,
      },
      redis: {
        url: null,
        keyPrefix: 'polegraph:',
      },
      live: {
        tokenCheckSeconds: 30,
        maxSubscriptionsPerConnection: 20,
        maxConnectionsPerToken: 10,
        maxBufferedBytes: 1048576,
        idleTimeoutSeconds: 300,
      },
      webhooks: {
        deliver: true,
        timeoutMs: 10_000,
        firstRetryMs: 30_000,
        retryForMs: 86_400_000,
        disableAfterDays: 5,
        pollMs: 1000,
        keepDeliveriesDays: 30,
        allowPrivateNetworks: false,
      },
      idempotency: {
        ttlSeconds: 86400,
      },
    });
    const { connection: _connection, replicas: _replicas, ...database } = loadConfig({}).database;
    expect({ ...loadConfig({}), database }).toEqual(DEFAULTS);
  });

  it('is documented in the README, one row per variable with its default', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('## Architecture'),
    );
    const rows = new Map(
      [...section.matchAll(/^\| `([A-Z_]+)` +\| (.+?) +\|/gm)]
        .filter(([, variable]) => !variable.startsWith('TEST_'))
        .map(([, variable, shown]) => [variable, shown]),
    );
    const declared = new Map(allOptions().map((option) => [option.env, option.shownDefault]));
    expect(rows).toEqual(declared);
  });

  it('reads the abuse-protection options', () => {
    expect(
      loadConfig({
        INTROSPECTION: 'off',
        CORS_ORIGINS: 'https://app.example.fr, http://localhost:5173',
        BODY_LIMIT: '512kb',
        MAX_BATCH_SIZE: '0',
        MAX_QUERY_DEPTH: '8',
        MAX_QUERY_COST: '500',
        MAX_QUERY_COST_MINISTRY_ANALYST: '250000',
        RATE_LIMIT_POINTS: '2000',
        RATE_LIMIT_RESTORE_RATE: '12.5',
        REDIS_URL: 'redis://cache.internal:6379/2',
        TRUSTED_DOCUMENTS: 'anonymous',
        TRUSTED_DOCUMENTS_MANIFEST: '/srv/manifest.json',
      }),
    ).toMatchObject({
      http: {
        introspection: false,
        corsOrigins: ['https://app.example.fr', 'http://localhost:5173'],
        bodyLimitBytes: 524288,
        maxBatchSize: 0,
      },
      limits: {
        maxQueryDepth: 8,
        maxQueryCost: 500,
        maxQueryCostByRole: {
          POLE_MANAGER: 25000,
          REGION_OFFICER: 50000,
          MINISTRY_ANALYST: 250000,
          ADMIN: 100000,
        },
        trustedDocuments: 'anonymous',
        trustedDocumentsManifest: '/srv/manifest.json',
      },
      rateLimit: { points: 2000, restoreRate: 12.5 },
      redis: { url: 'redis://cache.internal:6379/2' },
    });
    expect(loadConfig({ CORS_ORIGINS: '*' }).http.corsOrigins).toEqual(['*']);
  });

  it('reads MySQL and MariaDB URLs', () => {
    expect(
      loadConfig({ DATABASE_URL: 'mysql://app:s%40cret@db.internal:3307/polegraph' }).database
        .connection,
    ).toEqual({
      kind: 'mysql',
      flavour: 'mysql',
      host: 'db.internal',
      port: 3307,
      username: 'app',
      password: 's@cret',
      database: 'polegraph',
    });
    expect(
      loadConfig({ DATABASE_URL: 'mariadb://root@127.0.0.1/polegraph' }).database.connection,
    ).toMatchObject({
      flavour: 'mariadb',
      port: 3306,
      username: 'root',
      password: '',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, got "70000"'],
    [
      { DATABASE_URL: 'postgres://localhost/db' },
      'DATABASE_URL uses "postgres:", which PoleGraph does not support',
    ],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL "not a url" is not a database URL'],
    [
      { DATABASE_URL: 'mysql://root@localhost' },
      'DATABASE_URL must name a database after the host',
    ],
    [
      { NODE_ENV: 'staging' },
      'NODE_ENV must be one of development, production, test, got "staging"',
    ],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of error, warn, info, debug, got "loud"'],
    [{ PLAYGROUND: 'yes' }, 'PLAYGROUND must be one of graphiql, apollo-sandbox, off, got "yes"'],
    [{ DASHBOARDS: 'maybe' }, 'DASHBOARDS must be true or false, got "maybe"'],
    [
      { MAX_QUERY_DEPTH: 'deep' },
      'MAX_QUERY_DEPTH must be a whole number of at least 2, got "deep"',
    ],
    [{ MAX_QUERY_COST: '5000' }, 'MAX_QUERY_COST (5000) must not exceed RATE_LIMIT_POINTS (1000)'],
    [{ RATE_LIMIT_RESTORE_RATE: '0' }, 'RATE_LIMIT_RESTORE_RATE must be a number above 0'],
    [{ BODY_LIMIT: 'huge' }, 'BODY_LIMIT must be a size of at least 1kb'],
    [
      { CORS_ORIGINS: 'https://app.example.fr/path' },
      'CORS_ORIGINS must list origins such as https://app.example.fr',
    ],
    [
      { CORS_ORIGINS: '*,https://app.example.fr' },
      'CORS_ORIGINS takes either * alone or a list of origins',
    ],
    [{ INTROSPECTION: 'maybe' }, 'INTROSPECTION must be true or false, got "maybe"'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must look like redis://host:6379'],
    [
      { TRUSTED_DOCUMENTS: 'always' },
      'TRUSTED_DOCUMENTS must be one of off, anonymous, all, got "always"',
    ],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads TRUSTED_DOCUMENTS=enforce as the issue names it: every caller held to the manifest', () => {
    expect(loadConfig({ TRUSTED_DOCUMENTS: 'enforce' }).limits.trustedDocuments).toBe('all');
  });

  it('reads the graphql-jit options', () => {
    expect(loadConfig({ GRAPHQL_JIT: 'off', GRAPHQL_JIT_CACHE_SIZE: '50' }).execution).toEqual({
      jit: false,
      jitCacheSize: 50,
    });
    expect(() => loadConfig({ GRAPHQL_JIT_CACHE_SIZE: '0' })).toThrow(/GRAPHQL_JIT_CACHE_SIZE/);
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' })).toThrow(
      /LOG_LEVEL must be .*\n.*PORT must be/,
    );
  });
});

describe('the server process', () => {
  const main = join(__dirname, '..', 'server', 'dist', 'main.js');

  beforeAll(() => {
    if (!existsSync(main))
      throw new Error(`${main} is missing: npm test builds it first (npm run build)`);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535, got "abc"'],
    [{ DATABASE_URL: 'oracle://x/y' }, 'DATABASE_URL uses "oracle:"'],
  ])('stops at start with a clear message for %j', (env, message) => {
    const result = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
