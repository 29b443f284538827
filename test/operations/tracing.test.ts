import 'reflect-metadata';

import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { DatabaseConfig } from '../../server/src/config/config';
import { SEEDED_DATABASE_ENV, testDatabaseKinds } from '../helpers/test-databases';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs the compiled server (npm run build) in a process of its own — Jest's module registry is
 * not Node's, and the OTLP exporter needs Node's own dynamic import — answers one request,
 * stops, and reports the response status and every module Node loaded.
 */
async function serveOnce(
  env: Record<string, string>,
): Promise<{ status: number; modules: string[] }> {
  const script = `
    require('reflect-metadata');
    const { createApp } = require('./server/dist/app');
    const { loadConfig } = require('./server/dist/config/config');
    (async () => {
      const app = await createApp({ ...loadConfig(process.env), port: 0 });
      const { url } = await app.listen(0);
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Traced { regions { code } }' }) });
      await response.text();
      await app.close();
      process.stdout.write(JSON.stringify({ status: response.status, modules: Object.keys(require.cache) }));
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as { status: number; modules: string[] };
}

function databaseUrl(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `sqlite:${config.path}`;
  const credentials = config.password ? `${config.username}:${config.password}` : config.username;
  return `mysql://${credentials}@${config.host}:${config.port}/${config.database}`;
}

const otel = (modules: string[]) =>
  [
    ...new Set(
      modules
        .filter((path) => path.includes('/@opentelemetry/'))
        .map((path) => /@opentelemetry\/[^/]+/.exec(path)![0]),
    ),
  ].sort();

describe.each(testDatabaseKinds())('tracing on %s', (kind) => {
  const DATABASE_URL = () =>
    databaseUrl(JSON.parse(process.env[SEEDED_DATABASE_ENV[kind]]!) as DatabaseConfig);

  it('loads no OpenTelemetry module when OTEL_EXPORTER_OTLP_ENDPOINT is unset', async () => {
    const withoutMetrics = await serveOnce({ DATABASE_URL: DATABASE_URL(), METRICS: 'off' });
    expect(withoutMetrics.status).toBe(200);
    expect(withoutMetrics.modules.length).toBeGreaterThan(100);
    expect(otel(withoutMetrics.modules)).toEqual([]);
    // With metrics on, prom-client requires OpenTelemetry's API facade (a no-op without an
    // SDK, for its exemplars); still nothing of the SDK or the exporter.
    const withMetrics = await serveOnce({ DATABASE_URL: DATABASE_URL() });
    expect(withMetrics.status).toBe(200);
    expect(otel(withMetrics.modules)).toEqual(['@opentelemetry/api']);
  });

  describe('with a collector', () => {
    let collector: Server;
    let endpoint: string;
    const received: { path: string; body: string }[] = [];

    beforeAll(async () => {
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
    afterAll(() => new Promise((resolve) => collector.close(resolve)));

    it('sends spans for the request, the GraphQL operation and each SQL statement', async () => {
      const result = await serveOnce({
        DATABASE_URL: DATABASE_URL(),
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      });
      expect(result.status).toBe(200);
      expect(otel(result.modules)).toEqual(
        expect.arrayContaining([
          '@opentelemetry/exporter-trace-otlp-http',
          '@opentelemetry/sdk-trace-node',
        ]),
      );
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
      // One trace: the operation and its statements belong to the request's.
      const request = spans.find((span) => span.name === 'POST /graphql')!;
      const inRequest = spans.filter((span) => span.traceId === request.traceId).map((s) => s.name);
      expect(inRequest).toEqual(expect.arrayContaining(['graphql.query', 'sql']));
    });
  });
});
