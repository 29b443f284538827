import 'reflect-metadata';

import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

import { openSeededDatabase, type TestDatabase, testDatabaseKinds } from '../helpers/test-databases';
import { createTestEnvironment } from '../helpers/test-environment';

const ROOT = join(__dirname, '..', '..');

describe('tracing', () => {
  it('loads no OpenTelemetry module when OTEL_EXPORTER_OTLP_ENDPOINT is unset', () => {
    // A process of its own (Jest's module registry is not Node's): build the whole app from
    // the compiled server, answer one request, then list every module Node loaded.
    const script = `
      require('reflect-metadata');
      const { createApp } = require('./server/dist/app');
      const { loadConfig } = require('./server/dist/config/config');
      (async () => {
        const config = { ...loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'error' }), port: 0 };
        const app = await createApp(config);
        const { url } = await app.listen(0);
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ regions { code } }' }) });
        await response.text();
        await app.close();
        const loaded = Object.keys(require.cache);
        process.stdout.write(JSON.stringify({ status: response.status, total: loaded.length,
          otel: loaded.filter((path) => path.includes('@opentelemetry')) }));
      })();
    `;
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    const result = JSON.parse(output) as { status: number; total: number; otel: string[] };
    expect(result.status).toBe(200);
    expect(result.total).toBeGreaterThan(100);
    expect(result.otel).toEqual([]);
  });

  describe.each(testDatabaseKinds())('with a collector on %s', (kind) => {
    let database: TestDatabase;
    let collector: Server;
    let endpoint: string;
    const received: { path: string; body: string }[] = [];

    beforeAll(async () => {
      database = await openSeededDatabase(kind);
      collector = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          received.push({ path: request.url ?? '', body });
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${(collector.address() as { port: number }).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => collector.close(resolve));
      await database?.drop();
    });

    it('sends spans for the request, the GraphQL operation and each SQL statement', async () => {
      const environment = await createTestEnvironment(database, {
        operations: { ...testOperations(), otlpEndpoint: endpoint },
      });
      const response = await environment.query('query Traced { regions { code } }');
      expect(response.errors).toBeUndefined();
      // Closing flushes the spans still buffered.
      await environment.close();
      const spans = received
        .filter((request) => request.path === '/v1/traces')
        .flatMap((request) => {
          const payload = JSON.parse(request.body) as {
            resourceSpans: { scopeSpans: { spans: { name: string; traceId: string }[] }[] }[];
          };
          return payload.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
        });
      const names = spans.map((span) => span.name);
      expect(names).toEqual(expect.arrayContaining(['POST /graphql', 'graphql.query', 'sql']));
      // One trace: the operation and the statements belong to the request's.
      const request = spans.find((span) => span.name === 'POST /graphql')!;
      const operation = spans.find((span) => span.name === 'graphql.query')!;
      expect(operation.traceId).toBe(request.traceId);
      expect(spans.filter((span) => span.name === 'sql').every((s) => s.traceId === request.traceId)).toBe(true);
    });
  });
});

function testOperations() {
  // The documented defaults (no environment read).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadConfig } = require('../../server/src/config/config') as typeof import('../../server/src/config/config');
  return loadConfig({}).operations;
}
