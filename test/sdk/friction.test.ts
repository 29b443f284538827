import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import {
  createClient,
  graphql,
  isPoleGraphError,
  type PageProgress,
  paginate,
  PoleGraphError,
  type ProjectExportRow,
  ServerErrorCode,
} from '@polegraph/client';

import { REPOSITORY_ROOT } from './helpers/scratch-folder';
import { errorReply, type ScriptedServer, startScriptedServer } from './helpers/scripted-server';

async function failureOf(promise: Promise<unknown>): Promise<PoleGraphError> {
  try {
    await promise;
  } catch (error) {
    if (isPoleGraphError(error)) return error;
    throw error;
  }
  throw new Error('expected a PoleGraphError, got a result');
}

const REGIONS = {
  data: { regions: [{ id: 'UmVnaW9uOjE', code: '84', name: 'ARA', overseas: false }] },
};

const ChangeStatus = graphql(`
  mutation ChangeStatus($id: ID!, $version: Int!) {
    changeProjectStatus(input: { id: $id, to: SUBMITTED, expectedVersion: $version }) {
      project {
        id
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`);
const CHANGED = {
  data: { changeProjectStatus: { project: { id: 'P1' }, userErrors: [] } },
};

describe('SDK friction (against a scripted server)', () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  describe('request() with a string', () => {
    it('sends a string document and resolves with its data', async () => {
      server = await startScriptedServer([{ status: 200, body: REGIONS }]);
      const data = await createClient({ url: server.url }).request<{ regions: unknown[] }>(
        'query Codes { regions { code } }',
      );
      expect(data.regions).toHaveLength(1);
      expect(server.requests[0].body).toMatchObject({ operationName: 'Codes' });
      expect(server.requests[0].body.query).toContain('regions');
    });

    it('refuses a string that is not GraphQL with GRAPHQL_PARSE_FAILED, before sending', async () => {
      server = await startScriptedServer([{ status: 200, body: REGIONS }]);
      const error = await failureOf(createClient({ url: server.url }).request('{ regions { code '));
      expect(error.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(error.message).toMatch(/not a GraphQL document/);
      expect(server.requests).toHaveLength(0);
    });

    it('refuses what is neither a document nor a string with INVALID_DOCUMENT', async () => {
      server = await startScriptedServer([{ status: 200, body: REGIONS }]);
      const client = createClient({ url: server.url });
      const error = await failureOf(client.request({ query: '{ regions { code } }' } as never));
      expect(error.code).toBe('INVALID_DOCUMENT');
    });
  });

  describe('one error identity across builds', () => {
    it('isPoleGraphError and instanceof recognise an error of the CommonJS build from the ESM one, and back', () => {
      // Node itself (not Jest's module system) loads both builds, as a consumer mixing them would.
      const script = `
        import { createRequire } from 'node:module';
        import * as esm from '@polegraph/client';
        const cjs = createRequire(import.meta.url)('@polegraph/client');
        const fromEsm = new esm.PoleGraphError({ message: 'x', code: 'FORBIDDEN' });
        const fromCjs = new cjs.PoleGraphError({ message: 'y', code: 'NOT_FOUND' });
        console.log(JSON.stringify({
          distinctClasses: esm.PoleGraphError !== cjs.PoleGraphError,
          cjsSeesEsm: cjs.isPoleGraphError(fromEsm, 'FORBIDDEN'),
          esmSeesCjs: esm.isPoleGraphError(fromCjs, 'NOT_FOUND'),
          instanceofAcross: fromEsm instanceof cjs.PoleGraphError && fromCjs instanceof esm.PoleGraphError,
          plainError: cjs.isPoleGraphError(new Error('plain')),
          lookAlike: esm.isPoleGraphError({ name: 'PoleGraphError', code: 'FORBIDDEN', message: 'z' }),
        }));
      `;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: join(REPOSITORY_ROOT, 'client-sdk'),
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({
        distinctClasses: true,
        cjsSeesEsm: true,
        esmSeesCjs: true,
        instanceofAcross: true,
        plainError: false,
        lookAlike: false,
      });
    });
  });

  describe('error codes generated from the schema', () => {
    it('holds the server’s codes, STALE_VERSION being a userErrors code and CONFLICT the in-flight retry', () => {
      expect(ServerErrorCode).toMatchObject({
        BAD_USER_INPUT: 'BAD_USER_INPUT',
        QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
        RATE_LIMITED: 'RATE_LIMITED',
        SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
        QUERY_TIMEOUT: 'QUERY_TIMEOUT',
      });
      // CONFLICT: a retry whose Idempotency-Key is still running (HTTP 409).
      expect(Object.keys(ServerErrorCode)).toContain('CONFLICT');
    });
  });

  describe('retries', () => {
    it.each([502, 503, 504])('retries a query after HTTP %i', async (status) => {
      server = await startScriptedServer([
        { status, body: '<html>gateway</html>' },
        { status: 200, body: REGIONS },
      ]);
      const { regions } = await createClient({
        url: server.url,
        retry: { minDelayMs: 5 },
      }).regions();
      expect(regions).toHaveLength(1);
      expect(server.requests).toHaveLength(2);
    });

    it('waits the body’s extensions.retryAfter when no Retry-After header can be read', async () => {
      const limited = errorReply('RATE_LIMITED', 'Rate limit exceeded', 429);
      (
        limited.body as { errors: { extensions: Record<string, unknown> }[] }
      ).errors[0].extensions.retryAfter = 1.2;
      server = await startScriptedServer([limited, { status: 200, body: REGIONS }]);
      const delays: number[] = [];
      const client = createClient({
        url: server.url,
        retry: { minDelayMs: 10, onRetry: (event) => delays.push(event.delayMs) },
      });
      await client.regions();
      expect(delays).toEqual([1200]);
      const [first, second] = server.requests;
      expect(second.at - first.at).toBeGreaterThanOrEqual(1150);
    });

    it('fails at once with RATE_LIMITED when the body asks for longer than maxDelayMs', async () => {
      const limited = errorReply('RATE_LIMITED', 'Rate limit exceeded', 429);
      (
        limited.body as { errors: { extensions: Record<string, unknown> }[] }
      ).errors[0].extensions.retryAfter = 7;
      server = await startScriptedServer([limited]);
      const client = createClient({ url: server.url, retry: { maxDelayMs: 5_000 } });
      const error = await failureOf(client.regions());
      expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
      expect(error.details.retryAfterMs).toBe(7000);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('Idempotency-Key', () => {
    it('sends one on a mutation, the same on each retry, and a new one for the next call', async () => {
      server = await startScriptedServer([
        { status: 503, body: '' },
        { status: 200, body: CHANGED },
        { status: 200, body: CHANGED },
      ]);
      const client = createClient({
        url: server.url,
        retry: { minDelayMs: 5, retryMutations: true },
      });
      await client.request(ChangeStatus, { id: 'P1', version: 1 });
      await client.request(ChangeStatus, { id: 'P1', version: 2 });
      const keys = server.requests.map((request) => request.headers['idempotency-key']);
      expect(keys[0]).toMatch(/^[\x21-\x7e]{1,255}$/);
      expect(keys[1]).toBe(keys[0]);
      expect(keys[2]).toMatch(/^[\x21-\x7e]{1,255}$/);
      expect(keys[2]).not.toBe(keys[0]);
    });

    it('sends the caller’s key when given, and none on queries', async () => {
      server = await startScriptedServer([
        { status: 200, body: CHANGED },
        { status: 200, body: REGIONS },
      ]);
      const client = createClient({ url: server.url });
      await client.request(ChangeStatus, { id: 'P1', version: 1 }, { idempotencyKey: 'run-42-P1' });
      await client.regions();
      expect(server.requests[0].headers['idempotency-key']).toBe('run-42-P1');
      expect(server.requests[1].headers['idempotency-key']).toBeUndefined();
    });
  });

  describe('paginate with a per-page callback', () => {
    const Page = graphql(`
      query Page($after: String) {
        projects(first: 2, after: $after) {
          totalCount
          nodes {
            acronym
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `);

    it('reports page, nodes, running count, total and elapsed time after each page', async () => {
      const pages = [
        { nodes: [{ acronym: 'A' }, { acronym: 'B' }], hasNextPage: true, endCursor: 'c2' },
        { nodes: [{ acronym: 'C' }], hasNextPage: false, endCursor: 'c3' },
      ];
      server = await startScriptedServer((_request, index) => {
        const { nodes, hasNextPage, endCursor } = pages[index];
        return {
          status: 200,
          body: {
            data: { projects: { totalCount: 3, nodes, pageInfo: { hasNextPage, endCursor } } },
          },
        };
      });
      const progress: PageProgress[] = [];
      const acronyms: string[] = [];
      const client = createClient({ url: server.url });
      for await (const project of paginate(client, Page, undefined, {
        onPage: (event) => progress.push(event),
      }))
        acronyms.push(project.acronym);
      expect(acronyms).toEqual(['A', 'B', 'C']);
      expect(progress).toEqual([
        {
          page: 1,
          nodes: 2,
          received: 2,
          total: 3,
          elapsedMs: expect.any(Number),
          hasNextPage: true,
        },
        {
          page: 2,
          nodes: 1,
          received: 3,
          total: 3,
          elapsedMs: expect.any(Number),
          hasNextPage: false,
        },
      ]);
      expect(progress[1].elapsedMs).toBeGreaterThanOrEqual(progress[0].elapsedMs);
      expect(server.requests[1].body.variables).toEqual({ after: 'c2' });
    });
  });
});

describe('client.exportRows (against a scripted export endpoint)', () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const row = (acronym: string): ProjectExportRow => ({
    acronym,
    title: `Project ${acronym}`,
    status: 'FUNDED',
    programmeCode: 'FUI',
    leadPoleSlug: 'minalogic',
    submittedOn: '2023-01-10',
    decisionOn: null,
    startOn: null,
    endOn: null,
    totalBudget: '1250000.50',
    publicFundingRequested: null,
    publicFundingGranted: null,
    partnerCount: 3,
  });

  it('GETs /exports/projects.ndjson with the filter and the token, and yields typed rows', async () => {
    const rows = [row('ALPHA'), row('BETA'), row('GAMMA')];
    server = await startScriptedServer([
      {
        status: 200,
        headers: { 'content-type': 'application/x-ndjson' },
        body: rows.map((entry) => JSON.stringify(entry)).join('\n') + '\n',
      },
    ]);
    const client = createClient({ url: server.url, token: 'pg_region' });
    const filter = { status: { eq: 'FUNDED' as const } };
    const received: ProjectExportRow[] = [];
    for await (const project of client.exportRows('projects', filter)) received.push(project);
    expect(received).toEqual(rows);
    const [request] = server.requests;
    expect(request.method).toBe('GET');
    const url = new URL(request.url, server.url);
    expect(url.pathname).toBe('/exports/projects.ndjson');
    expect(JSON.parse(url.searchParams.get('filter') ?? 'null')).toEqual(filter);
    expect(request.headers.authorization).toBe('Bearer pg_region');
  });

  it('reads rows split across chunks, and members too', async () => {
    server = await startScriptedServer([
      {
        status: 200,
        chunks: [
          '{"name":"Acme","siren":"123456789","category":"SME","regi',
          'onCode":"84","city":"Lyon","headcount":12}\n{"name":"B',
          'eta","siren":null,"category":"LARGE","regionCode":"11","city":null,"headcount":null}',
        ],
      },
    ]);
    const names: string[] = [];
    for await (const member of createClient({ url: server.url }).exportRows('members'))
      names.push(member.name);
    expect(names).toEqual(['Acme', 'Beta']);
    expect(new URL(server.requests[0].url, server.url).search).toBe('');
  });

  it('throws the server’s error as a PoleGraphError with its code and status', async () => {
    server = await startScriptedServer([
      {
        status: 400,
        body: {
          errors: [
            {
              message: 'filter.status.eq: not a ProjectStatus',
              extensions: { code: 'BAD_USER_INPUT' },
            },
          ],
        },
      },
    ]);
    const rows = createClient({ url: server.url }).exportRows('projects', {});
    const error = await failureOf(rows.next());
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', status: 400 });
    expect(error.message).toContain('filter.status.eq');
  });

  it('retries a 429 after its Retry-After, then streams', async () => {
    server = await startScriptedServer([
      { ...errorReply('RATE_LIMITED', 'slow down', 429), headers: { 'retry-after': '0' } },
      { status: 200, body: `${JSON.stringify(row('ALPHA'))}\n` },
    ]);
    const received: string[] = [];
    for await (const project of createClient({ url: server.url }).exportRows('projects'))
      received.push(project.acronym);
    expect(received).toEqual(['ALPHA']);
    expect(server.requests).toHaveLength(2);
  });

  it('names the line that is not JSON with BAD_RESPONSE', async () => {
    server = await startScriptedServer([
      { status: 200, body: `${JSON.stringify(row('ALPHA'))}\n<html>oops</html>\n` },
    ]);
    const received: string[] = [];
    const error = await failureOf(
      (async () => {
        for await (const project of createClient({ url: server!.url }).exportRows('projects'))
          received.push(project.acronym);
      })(),
    );
    expect(received).toEqual(['ALPHA']);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', details: { lineNumber: 2 } });
  });
});
