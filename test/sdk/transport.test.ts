import {
  assertNoUserErrors,
  createClient,
  documentHash,
  PoleGraphError,
  RegionsDocument,
  type RetryEvent,
  type TypedDocumentNode,
} from '@polegraph/client';
import { parse } from 'graphql';

import { errorReply, type ScriptedServer, startScriptedServer } from './helpers/scripted-server';

const REGIONS = {
  data: {
    regions: [{ id: 'UmVnaW9uOjE', code: '84', name: 'Auvergne-Rhône-Alpes', overseas: false }],
  },
};

/** Rejects with the PoleGraphError `promise` fails with, failing the test if it resolves. */
async function failureOf(promise: Promise<unknown>): Promise<PoleGraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PoleGraphError) return error;
    throw error;
  }
  throw new Error('expected a PoleGraphError, got a result');
}

/**
 * A mutation typed by hand the way codegen types one, with a `userErrors` union on `code`:
 * the schema's writer operations are not shipped yet, the machinery is tested here.
 */
type UserErrorEntry =
  | { code: 'DUPLICATE'; message: string; field: string[] | null }
  | { code: 'INVALID'; message: string; field: string[] | null };
interface CreateThingMutation {
  createThing: { thing: { id: string } | null; userErrors: UserErrorEntry[] };
}
const CreateThingDocument = parse(
  'mutation CreateThing($name: String!) { createThing(name: $name) { thing { id } userErrors { code message field } } }',
) as unknown as TypedDocumentNode<CreateThingMutation, { name: string }>;

describe('the SDK transport (against a scripted server)', () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  describe('tokens and headers', () => {
    it('sends the token as a bearer, with the client and call headers, the call winning', async () => {
      server = await startScriptedServer([{ status: 200, body: REGIONS }]);
      const client = createClient({
        url: server.url,
        token: 'pg_secret',
        headers: { 'x-tool': 'region-report', 'x-trace': 'client' },
      });
      await client.regions(undefined, { headers: { 'x-trace': 'call' } });
      const [{ headers, body }] = server.requests;
      expect(headers.authorization).toBe('Bearer pg_secret');
      expect(headers['x-tool']).toBe('region-report');
      expect(headers['x-trace']).toBe('call');
      expect(headers['content-type']).toBe('application/json');
      expect(headers.accept).toContain('application/graphql-response+json');
      expect(body).toEqual({
        query: expect.stringContaining('query Regions'),
        operationName: 'Regions',
      });
    });

    it('asks a token function before every request, so a renewed token is used', async () => {
      server = await startScriptedServer([{ status: 200, body: REGIONS }]);
      const tokens = ['first', 'second'];
      const client = createClient({ url: server.url, token: async () => tokens.shift() });
      await client.regions();
      await client.regions();
      await client.regions();
      expect(server.requests.map((request) => request.headers.authorization)).toEqual([
        'Bearer first',
        'Bearer second',
        undefined,
      ]);
    });

    it('sends no authorization header without a token', async () => {
      server = await startScriptedServer([{ status: 200, body: REGIONS }]);
      await createClient({ url: server.url }).regions();
      expect(server.requests[0].headers.authorization).toBeUndefined();
    });
  });

  describe('error codes', () => {
    it.each([
      ['UNAUTHENTICATED', errorReply('UNAUTHENTICATED', 'This token is unknown or revoked.')],
      ['FORBIDDEN', errorReply('FORBIDDEN', 'Only ministry analysts may read this.')],
      ['QUERY_TIMEOUT', errorReply('QUERY_TIMEOUT', 'The statement ran too long.')],
      ['NOT_FOUND', errorReply('NOT_FOUND', 'No project has this id.')],
      [
        'INTERNAL_SERVER_ERROR',
        { status: 200, body: { data: null, errors: [{ message: 'Boom' }] } },
      ],
    ])('%s from the response body', async (code, reply) => {
      server = await startScriptedServer([reply]);
      const error = await failureOf(createClient({ url: server.url, retry: false }).regions());
      expect(error).toMatchObject({ code, status: 200, operationName: 'Regions', data: null });
      expect(error.errors).toHaveLength(1);
    });

    it.each([
      [401, 'UNAUTHENTICATED'],
      [403, 'FORBIDDEN'],
      [500, 'HTTP_ERROR'],
      [503, 'SERVICE_UNAVAILABLE'],
      [429, 'RATE_LIMITED'],
    ])('HTTP %i without a GraphQL body is %s', async (status, code) => {
      server = await startScriptedServer([{ status, body: '<html>proxy error</html>' }]);
      const error = await failureOf(createClient({ url: server.url, retry: false }).regions());
      expect(error).toMatchObject({ code, status });
      expect(error.details.body).toBe('<html>proxy error</html>');
    });

    it('BAD_RESPONSE for a 200 that is not a GraphQL result', async () => {
      server = await startScriptedServer([{ status: 200, body: '<html>login page</html>' }]);
      const error = await failureOf(createClient({ url: server.url }).regions());
      expect(error.code).toBe('BAD_RESPONSE');
    });

    it('NETWORK_ERROR when nothing answers, after retrying a query', async () => {
      server = await startScriptedServer([{ status: 200, body: REGIONS }]);
      const { url } = server;
      await server.close();
      server = undefined;
      const retries: RetryEvent[] = [];
      const client = createClient({
        url,
        retry: { retries: 2, minDelayMs: 5, onRetry: (event) => retries.push(event) },
      });
      const error = await failureOf(client.regions());
      expect(error.code).toBe('NETWORK_ERROR');
      expect(error.cause).toBeDefined();
      expect(retries.map((event) => [event.attempt, event.status])).toEqual([
        [1, undefined],
        [2, undefined],
      ]);
    });

    it('turns the caller’s abort during a wait into PoleGraphError ABORTED, its reason as cause', async () => {
      server = await startScriptedServer([{ status: 503, body: '' }]);
      const controller = new AbortController();
      const client = createClient({ url: server.url, retry: { minDelayMs: 10_000 } });
      const pending = client.regions(undefined, { signal: controller.signal });
      const reason = new Error('stopped by the user');
      setTimeout(() => controller.abort(reason), 100);
      const error = await failureOf(pending);
      expect(error).toMatchObject({ code: 'ABORTED', operationName: 'Regions' });
      expect(error.message).toContain('stopped by the user');
      expect(error.cause).toBe(reason);
    });

    it('turns an abort during the request itself into ABORTED too (not a native AbortError)', async () => {
      // A server that never answers: only the abort ends the call.
      const { createServer } = await import('node:http');
      const silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as { port: number };
      try {
        const controller = new AbortController();
        const client = createClient({ url: `http://127.0.0.1:${port}/graphql` });
        const pending = client.regions(undefined, { signal: controller.signal });
        setTimeout(() => controller.abort(), 100);
        const error = await failureOf(pending);
        expect(error.code).toBe('ABORTED');
        expect(error.name).toBe('PoleGraphError');
      } finally {
        silent.closeAllConnections();
        await new Promise((resolve) => silent.close(resolve));
      }
    });
  });

  describe('retries', () => {
    it('waits as long as Retry-After says after a 429, then succeeds', async () => {
      server = await startScriptedServer([
        {
          ...errorReply('RATE_LIMITED', 'Rate limit exceeded', 429),
          headers: { 'retry-after': '1' },
        },
        { status: 200, body: REGIONS },
      ]);
      const retries: RetryEvent[] = [];
      const client = createClient({
        url: server.url,
        retry: { onRetry: (event) => retries.push(event) },
      });
      await expect(client.regions()).resolves.toEqual(REGIONS.data);
      expect(server.requests).toHaveLength(2);
      expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(950);
      expect(retries).toEqual([
        { attempt: 1, delayMs: 1000, status: 429, operationName: 'Regions' },
      ]);
    });

    it('reads Retry-After as an HTTP date too', async () => {
      server = await startScriptedServer([
        { status: 429, headers: { 'retry-after': new Date(Date.now() + 1500).toUTCString() } },
        { status: 200, body: REGIONS },
      ]);
      const retries: RetryEvent[] = [];
      await createClient({
        url: server.url,
        retry: { onRetry: (event) => retries.push(event) },
      }).regions();
      expect(retries[0].delayMs).toBeGreaterThan(0);
      expect(retries[0].delayMs).toBeLessThanOrEqual(1500);
    });

    it('backs off exponentially on 503 and succeeds when the server is back', async () => {
      server = await startScriptedServer([
        { status: 503, body: '' },
        { status: 503, body: '' },
        { status: 200, body: REGIONS },
      ]);
      const retries: RetryEvent[] = [];
      const client = createClient({
        url: server.url,
        retry: { minDelayMs: 40, onRetry: (event) => retries.push(event) },
      });
      await expect(client.regions()).resolves.toEqual(REGIONS.data);
      expect(retries.map((event) => event.status)).toEqual([503, 503]);
      // Full jitter between half and all of 40 ms, then of 80 ms.
      expect(retries[0].delayMs).toBeGreaterThanOrEqual(20);
      expect(retries[0].delayMs).toBeLessThanOrEqual(40);
      expect(retries[1].delayMs).toBeGreaterThanOrEqual(40);
      expect(retries[1].delayMs).toBeLessThanOrEqual(80);
    });

    it('gives up after the configured retries with SERVICE_UNAVAILABLE', async () => {
      server = await startScriptedServer([{ status: 503, body: '' }]);
      const client = createClient({ url: server.url, retry: { retries: 2, minDelayMs: 5 } });
      const error = await failureOf(client.regions());
      expect(error.code).toBe('SERVICE_UNAVAILABLE');
      expect(server.requests).toHaveLength(3);
    });

    it('does not retry when retries are off, and says how long to wait', async () => {
      server = await startScriptedServer([
        {
          ...errorReply('RATE_LIMITED', 'Rate limit exceeded', 429),
          headers: { 'retry-after': '7' },
        },
      ]);
      const error = await failureOf(createClient({ url: server.url, retry: false }).regions());
      expect(error).toMatchObject({
        code: 'RATE_LIMITED',
        status: 429,
        details: { retryAfterMs: 7000 },
      });
      expect(server.requests).toHaveLength(1);
    });

    it('fails at once when Retry-After is longer than maxDelayMs', async () => {
      server = await startScriptedServer([{ status: 429, headers: { 'retry-after': '3600' } }]);
      const error = await failureOf(createClient({ url: server.url }).regions());
      expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterMs: 3_600_000 } });
      expect(server.requests).toHaveLength(1);
    });

    it('does not run a mutation twice after a 503, unless told to', async () => {
      server = await startScriptedServer([{ status: 503, body: '' }]);
      const once = createClient({ url: server.url, retry: { minDelayMs: 5 } });
      expect((await failureOf(once.request(CreateThingDocument, { name: 'x' }))).code).toBe(
        'SERVICE_UNAVAILABLE',
      );
      expect(server.requests).toHaveLength(1);
      const again = createClient({
        url: server.url,
        retry: { minDelayMs: 5, retries: 1, retryMutations: true },
      });
      await failureOf(again.request(CreateThingDocument, { name: 'x' }));
      expect(server.requests).toHaveLength(3);
    });

    it('retries a mutation after a 429: the server refused it before running it', async () => {
      server = await startScriptedServer([
        { status: 429, headers: { 'retry-after': '0' } },
        { status: 200, body: { data: { createThing: { thing: { id: 'T1' }, userErrors: [] } } } },
      ]);
      const { createThing } = await createClient({ url: server.url }).request(CreateThingDocument, {
        name: 'x',
      });
      expect(createThing.thing).toEqual({ id: 'T1' });
    });
  });

  describe('userErrors of mutations', () => {
    const refused = {
      status: 200,
      body: {
        data: {
          createThing: {
            thing: null,
            userErrors: [
              { code: 'DUPLICATE', message: 'A thing with this name exists.', field: ['name'] },
              { code: 'INVALID', message: 'Too short.', field: ['name'] },
            ],
          },
        },
      },
    };

    it('throws them by default, with the first code and every entry', async () => {
      server = await startScriptedServer([refused]);
      const error = await failureOf(
        createClient({ url: server.url }).request(CreateThingDocument, { name: 'x' }),
      );
      expect(error).toMatchObject({
        code: 'DUPLICATE',
        path: ['createThing'],
        details: { field: ['name'] },
        operationName: 'CreateThing',
        message: 'CreateThing: A thing with this name exists. (and 1 more)',
      });
      expect(error.userErrors).toHaveLength(2);
      expect(error.data).toEqual(refused.body.data);
    });

    it('returns them typed when the caller handles them, and assertNoUserErrors throws the rest', async () => {
      server = await startScriptedServer([refused]);
      const client = createClient({ url: server.url, throwOnUserErrors: false });
      const { createThing } = await client.request(CreateThingDocument, { name: 'x' });
      // The union on `code` narrows as codegen types it.
      const codes: ('DUPLICATE' | 'INVALID')[] = createThing.userErrors.map((entry) => entry.code);
      expect(codes).toEqual(['DUPLICATE', 'INVALID']);
      expect(() => assertNoUserErrors(createThing, 'CreateThing')).toThrow(PoleGraphError);
      expect(() => assertNoUserErrors(createThing)).toThrow(
        expect.objectContaining({ code: 'DUPLICATE' }),
      );
    });

    it('lets a payload without userErrors through, narrowed', async () => {
      server = await startScriptedServer([
        { status: 200, body: { data: { createThing: { thing: { id: 'T1' }, userErrors: [] } } } },
      ]);
      const { createThing } = await createClient({ url: server.url }).request(CreateThingDocument, {
        name: 'x',
      });
      const payload: CreateThingMutation['createThing'] | null = createThing;
      assertNoUserErrors(payload);
      expect(payload.thing?.id).toBe('T1');
    });

    it('can be turned off for one call', async () => {
      server = await startScriptedServer([refused]);
      const client = createClient({ url: server.url });
      const { createThing } = await client.request(
        CreateThingDocument,
        { name: 'x' },
        { throwOnUserErrors: false },
      );
      expect(createThing.userErrors).toHaveLength(2);
    });
  });

  describe('persisted documents', () => {
    it('hash-only sends the sha256 of the document text, never the text', async () => {
      server = await startScriptedServer([{ status: 200, body: REGIONS }]);
      await createClient({ url: server.url, persistedDocuments: 'hash-only' }).regions();
      expect(server.requests[0].body).toEqual({
        operationName: 'Regions',
        extensions: {
          persistedQuery: { version: 1, sha256Hash: await documentHash(RegionsDocument) },
        },
      });
    });

    it('automatic sends the text only after PERSISTED_QUERY_NOT_FOUND', async () => {
      server = await startScriptedServer([
        errorReply('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound'),
        { status: 200, body: REGIONS },
      ]);
      await createClient({ url: server.url, persistedDocuments: 'automatic' }).regions();
      expect(server.requests.map((request) => 'query' in request.body)).toEqual([false, true]);
    });
  });
});
