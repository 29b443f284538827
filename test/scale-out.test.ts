import 'reflect-metadata';

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { createClient } from 'redis';

import { sirenWithCheckDigit } from '../server/src/core/siren';
import { seedReferenceData } from '../server/src/seed/reference-seed';
import { createEmptyDatabase, databaseUrlOf, type TestDatabase } from './helpers/test-databases';
import { ADMIN, bearerFor } from './helpers/tokens';

const MAIN = join(__dirname, '..', 'server/dist/main.js');
const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;

/** Defined only when the run has MySQL/MariaDB and Redis (TEST_DATABASE_URL, TEST_REDIS_URL). */
const describeScaleOut: (name: string, body: () => void) => void = (name, body) => {
  if (databaseUrl && redisUrl) describe(name, body);
};

interface Server {
  process: ChildProcess;
  url: string;
}

/** Starts `node server/dist/main.js` with `env`; resolves with its URL once it listens. */
function startServer(env: Record<string, string>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /serves GraphQL at (http:\/\/[^\s"]+)/.exec(output);
      if (match) resolve({ process: child, url: match[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  const timer = setTimeout(() => server.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

describeScaleOut('two server processes on one MariaDB and one Redis', () => {
  const prefix = `polegraph-test-scale-${process.pid}-${randomBytes(4).toString('hex')}:`;
  let database: TestDatabase;
  let first: Server | undefined;
  let second: Server | undefined;
  let authorization: string;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('Build first: npm run build (server/dist/main.js)');
    database = await createEmptyDatabase('mysql', 'scaleout');
    await seedReferenceData(database.dataSource);
    ({ authorization } = await bearerFor(database.dataSource, ADMIN));
    const env = {
      DATABASE_URL: databaseUrlOf(database.config),
      REDIS_URL: redisUrl!,
      REDIS_KEY_PREFIX: prefix,
      PORT: '0',
      NODE_ENV: 'test',
      // The start line (info) says where the server listens.
      LOG_LEVEL: 'info',
      RATE_LIMIT_POINTS: '1000',
      // The admin token's bucket is its ceiling: 1,000 like the base one, for the figures below.
      MAX_QUERY_COST_ADMIN: '1000',
      RATE_LIMIT_RESTORE_RATE: '0.01',
    };
    [first, second] = await Promise.all([startServer(env), startServer(env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([stopServer(first), stopServer(second)]);
    await database?.drop();
    const client = createClient({ url: redisUrl });
    await client.connect();
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(keys);
    await client.close();
  });

  async function query(
    server: Server,
    document: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, ...headers },
      body: JSON.stringify({ query: document, variables }),
    });
    return { headers: response.headers, body: (await response.json()) as Record<string, unknown> };
  }

  const CREATE_MEMBER = `mutation CreateMember($input: CreateMemberInput!) {
    createMember(input: $input) { member { id siren } userErrors { message } }
  }`;
  const MEMBER = `query Member($siren: String!) {
    members(first: 1, filter: { siren: { eq: $siren } }) { nodes { id name } }
  }`;
  const input = (siren: string) => ({
    name: 'Scale-out member',
    siren,
    category: 'SME',
    regionCode: '84',
    city: 'Lyon',
  });

  it('serves through one process what was written through the other', async () => {
    const siren = sirenWithCheckDigit('95000001');
    const written = await query(first!, CREATE_MEMBER, { input: input(siren) });
    const id = (written.body.data as { createMember: { member: { id: string } } }).createMember
      .member.id;
    const read = await query(second!, MEMBER, { siren });
    expect(read.body.data).toEqual({ members: { nodes: [{ id, name: 'Scale-out member' }] } });
  });

  it('shares idempotency keys: a retry through the other process replays the first answer', async () => {
    const siren = sirenWithCheckDigit('95000002');
    const key = { 'idempotency-key': randomUUID() };
    const firstAnswer = await query(first!, CREATE_MEMBER, { input: input(siren) }, key);
    const retry = await query(second!, CREATE_MEMBER, { input: input(siren) }, key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.data).toEqual(firstAnswer.body.data);
    const [row] = (await database.dataSource.query(
      'SELECT COUNT(*) AS n FROM member WHERE siren = ?',
      [siren],
    )) as { n: number | string }[];
    expect(Number(row!.n)).toBe(1);
  });

  it('shares the rate limit: a request through one process spends the bucket the other sees', async () => {
    const throughFirst = await query(first!, MEMBER, { siren: '000000000' });
    const throughSecond = await query(second!, MEMBER, { siren: '000000000' });
    const remaining = (answer: { headers: Headers }) =>
      Number(answer.headers.get('x-ratelimit-remaining'));
    const cost = 1000 - remaining(throughFirst);
    expect(cost).toBeGreaterThan(0);
    // One bucket: the second request starts from what the first left (plus the little
    // restored meanwhile at 0.01 point a second), not from a full bucket of its own.
    expect(remaining(throughSecond)).toBeLessThan(remaining(throughFirst));
  });
});
