import { createServer, type Server } from 'node:http';

import express from 'express';

import { ExecutionGate } from '../../server/src/http/execution-gate';

/**
 * The gate in front of Apollo, on a handler the test holds open: no database, no timing
 * guesses, only the count of running and queued requests.
 */
describe('ExecutionGate', () => {
  let server: Server;
  let url: string;
  let gate: ExecutionGate;
  const held: (() => void)[] = [];
  let started = 0;

  beforeAll(async () => {
    gate = new ExecutionGate({
      maxConcurrentExecutions: 2,
      maxQueuedExecutions: 1,
      executionQueueTimeoutMs: 60_000,
    });
    const app = express();
    app.post('/graphql', gate.middleware(), (_request, response) => {
      started += 1;
      held.push(() => response.json({ data: { ok: true } }));
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  it('runs up to the maximum, queues up to the queue size, refuses the rest with 503 + Retry-After', async () => {
    const requests = [0, 1, 2].map(() => fetch(url, { method: 'POST' }));
    await until(() => started === 2 && gate.state.queued === 1);
    expect(gate.state).toEqual({ running: 2, queued: 1 });

    const refused = await fetch(url, { method: 'POST' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: 'The server is at its limit of concurrent requests. Retry in 1 s.',
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }),
        },
      ],
    });

    // Finishing one lets the queued one run.
    held.shift()!();
    await until(() => started === 3);
    expect(gate.state).toEqual({ running: 2, queued: 0 });
    while (held.length > 0) held.shift()!();
    const statuses = await Promise.all(requests.map(async (request) => (await request).status));
    expect(statuses).toEqual([200, 200, 200]);
    await until(() => gate.state.running === 0);
  });

  it('answers 503 to a request that waited longer than the queue timeout', async () => {
    const impatient = new ExecutionGate({
      maxConcurrentExecutions: 1,
      maxQueuedExecutions: 5,
      executionQueueTimeoutMs: 50,
    });
    const app = express();
    const release: (() => void)[] = [];
    app.post('/', impatient.middleware(), (_request, response) => {
      release.push(() => response.end());
    });
    const local = createServer(app);
    await new Promise<void>((resolve) => local.listen(0, resolve));
    const target = `http://127.0.0.1:${(local.address() as { port: number }).port}/`;
    const first = fetch(target, { method: 'POST' });
    await until(() => release.length === 1);
    const waited = await fetch(target, { method: 'POST' });
    expect(waited.status).toBe(503);
    expect(((await waited.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
      /waited too long/,
    );
    release[0]();
    expect((await first).status).toBe(200);
    await new Promise((resolve) => local.close(resolve));
  });
});
