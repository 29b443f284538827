import type { IssueTokenRequest } from '../../server/src/api-token/api-token.service';
import { createApp, type PoleGraphApp } from '../../server/src/app';
import type { Role } from '../../server/src/auth/roles';
import { type AppConfig, loadConfig } from '../../server/src/config/config';
import type { Logger } from '../../server/src/observability/logger';
import type { TestDatabase } from './test-databases';
import { bearerFor } from './tokens';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface TestEnvironment {
  app: PoleGraphApp;
  url: string;
  /** Sends one GraphQL operation over HTTP, as a client would. */
  query<TData = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<TData>>;
  close(): Promise<void>;
}

/** Options a test changes, section by section (`{ limits: { maxQueryCost: 500 } }`). */
export type ConfigOverrides = { [Section in keyof AppConfig]?: Partial<AppConfig[Section]> };

/** The configuration a test server runs with; `overrides` change single options. */
export function testConfig(database: TestDatabase, overrides: ConfigOverrides = {}): AppConfig {
  // Every option's documented default (no environment read), then the test's own values.
  const defaults = loadConfig({});
  const base: AppConfig = {
    ...defaults,
    process: { ...defaults.process, nodeEnv: 'test', logLevel: 'warn' },
    // Tokens read on every request: suites count that statement, and revoke tokens in between.
    http: { ...defaults.http, port: 0, playground: 'graphiql', tokenCacheMs: 0 },
    database: { ...defaults.database, url: 'test', connection: database.config },
    // No cost limit and a bucket no suite can empty: suites ask for 100 × 100 nested pages or
    // 1,000 statistics groups on purpose. The abuse suites set the production limits back.
    limits: {
      ...defaults.limits,
      maxQueryCost: 1_000_000_000,
      maxQueryCostByRole: {
        POLE_MANAGER: 1_000_000_000,
        REGION_OFFICER: 1_000_000_000,
        MINISTRY_ANALYST: 1_000_000_000,
        ADMIN: 1_000_000_000,
      },
    },
    rateLimit: { points: 1_000_000_000, restoreRate: 1_000_000_000 },
    // No delivery worker polling in the background of suites that count statements; the
    // webhook suites turn it on.
    webhooks: { ...defaults.webhooks, deliver: false },
  };
  const merged = { ...base } as Record<string, object>;
  for (const [section, values] of Object.entries(overrides)) {
    merged[section] = { ...merged[section], ...values };
  }
  return merged as AppConfig;
}

export interface TestEnvironmentOptions {
  /** Send every request with a token of this role (issued in the database); anonymous otherwise. */
  as?: Partial<IssueTokenRequest> & { role: Role };
  /** Where the server's log lines go (see LogCapture); the config's logger otherwise. */
  logger?: Logger;
  /** The port to listen on (a restart on the same port); a free one otherwise. */
  port?: number;
}

/** A real server on a free port over `database`, reached through HTTP (like Vendure's). */
export async function createTestEnvironment(
  database: TestDatabase,
  overrides: ConfigOverrides = {},
  options: TestEnvironmentOptions = {},
): Promise<TestEnvironment> {
  const app = await createApp(testConfig(database, overrides), {
    dataSource: database.dataSource,
    logger: options.logger,
  });
  const { url } = await app.listen(options.port ?? 0);
  const defaultHeaders = options.as ? await bearerFor(database.dataSource, options.as) : {};
  return {
    app,
    url,
    async query(document, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...defaultHeaders, ...headers },
        body: JSON.stringify({ query: document, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body } as never;
    },
    close: () => app.close(),
  };
}
