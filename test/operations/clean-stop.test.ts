import 'reflect-metadata';

import { type ChildProcess, spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';

import type { DatabaseConfig } from '../../server/src/config/config';
import { SEEDED_DATABASE_ENV, testDatabaseKinds } from '../helpers/test-databases';

/**
 * The built server (`npm run build`), started as production starts it, stopped with SIGTERM
 * while requests are in flight: every request it accepted is answered in full, then it exits 0.
 * On each database, with and without Redis.
 */
const MAIN = join(__dirname, '..', '..', 'server', 'dist', 'main.js');
const QUERY = JSON.stringify({ query: 'query StopProbe { poles(first: 20) { nodes { name } } }' });

function databaseUrl(config: DatabaseConfig): string {
  if (config.kind === 'sqlite') return `sqlite:${config.path}`;
  const credentials = config.password ? `${config.username}:${config.password}` : config.username;
  return `mysql://${credentials}@${config.host}:${config.port}/${config.database}`;
}

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exit: Promise<number | null>;
}

async function startServer(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /serves GraphQL at http:\/\/localhost:(\d+)\//.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(Number(match[1]));
      }
    }, 20);
    void exit.then((code) => {
      clearInterval(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${output}`));
    });
  });
  return { child, port, output: () => output, exit };
}

/** A raw HTTP request; `split` sends the body in two parts around `between()`. */
function rawRequest(
  port: number,
  body: string,
): { connected: Promise<Socket>; sendRest: () => void; answer: Promise<string> } {
  const socket = connect(port, '127.0.0.1');
  const head =
    'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
  const half = Math.floor(body.length / 2);
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  const answer = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(received));
    socket.on('error', () => undefined);
  });
  const connected = new Promise<Socket>((resolve) =>
    socket.once('connect', () => {
      socket.write(head + body.slice(0, half));
      resolve(socket);
    }),
  );
  return { connected, sendRest: () => socket.write(body.slice(half)), answer };
}

/** A connection that has sent nothing yet. */
function rawConnection(port: number): {
  socket: Socket;
  connected: Promise<void>;
  answer: Promise<string>;
} {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const answer = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, connected, answer };
}

function statusOf(answer: string): number | null {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
  return match ? Number(match[1]) : null;
}

const variants = testDatabaseKinds().flatMap((kind) =>
  process.env.TEST_REDIS_URL
    ? [
        { kind, redis: false },
        { kind, redis: true },
      ]
    : [{ kind, redis: false }],
);

describe.each(variants)('SIGTERM on $kind (Redis: $redis)', ({ kind, redis }) => {
  it('answers every accepted request in full, closes everything and exits 0', async () => {
    const config = JSON.parse(process.env[SEEDED_DATABASE_ENV[kind]]!) as DatabaseConfig;
    const server = await startServer({
      DATABASE_URL: databaseUrl(config),
      STOP_GRACE_PERIOD_MS: '60000',
      ...(redis && {
        REDIS_URL: process.env.TEST_REDIS_URL!,
        REDIS_KEY_PREFIX: `polegraph-stop-${process.pid}:`,
      }),
    });
    try {
      // 20 requests in flight, each sent in two parts: all are accepted (their connection and
      // first half arrived) before the signal; the rest of each body comes after it.
      const requests = Array.from({ length: 20 }, () => rawRequest(server.port, QUERY));
      await Promise.all(requests.map((request) => request.connected));
      // A load balancer's connection, open before the signal, asks for readiness after it.
      const probe = rawConnection(server.port);
      await probe.connected;
      await new Promise((resolve) => setTimeout(resolve, 100));
      server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const request of requests) request.sendRest();
      probe.socket.write('GET /readyz HTTP/1.1\r\nHost: localhost\r\n\r\n');
      const readiness = await probe.answer;
      expect(statusOf(readiness)).toBe(503);
      expect(readiness).toContain('"server":"stopping"');
      const answers = await Promise.all(requests.map((request) => request.answer));
      const statuses = answers.map(statusOf);
      if (statuses.some((status) => status !== 200)) {
        throw new Error(`answers ${JSON.stringify(statuses)}; server output:\n${server.output()}`);
      }
      for (const answer of answers) {
        const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
        expect(body).toContain('"poles":{"nodes":[');
        expect(body).not.toContain('"errors"');
      }
      // The listener is closed: new connections are refused.
      await expect(
        new Promise((resolve, reject) => {
          const socket = connect(server.port, '127.0.0.1');
          socket.once('connect', () => (socket.destroy(), resolve('connected')));
          socket.once('error', reject);
        }),
      ).rejects.toThrow(/ECONNREFUSED/);
      expect(await server.exit).toBe(0);
      expect(server.output()).toMatch(/"msg":"SIGTERM received/);
      expect(server.output()).toMatch(/"msg":"stopped"/);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});
