import { createApp, type PoleGraphApp } from '../../server/src/app';
import type { AppConfig } from '../../server/src/config/config';
import type { TestDatabase } from './test-databases';

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

/** The configuration a test server runs with; `overrides` change single options. */
export function testConfig(database: TestDatabase, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    databaseUrl: 'test',
    database: database.config,
    nodeEnv: 'test',
    logLevel: 'warn',
    playground: 'graphiql',
    ...overrides,
  };
}

/** A real server on a free port over `database`, reached through HTTP (like Vendure's). */
export async function createTestEnvironment(
  database: TestDatabase,
  overrides: Partial<AppConfig> = {},
): Promise<TestEnvironment> {
  const app = await createApp(testConfig(database, overrides), { dataSource: database.dataSource });
  const { url } = await app.listen(0);
  return {
    app,
    url,
    async query(document, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: document, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body } as never;
    },
    close: () => app.close(),
  };
}
