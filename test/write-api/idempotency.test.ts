import 'reflect-metadata';

import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';

import { createClient } from 'redis';

import { Role } from '../../server/src/auth/roles';
import { sirenWithCheckDigit } from '../../server/src/core/siren';
import { proxiedRedis } from '../helpers/flaky-proxy';
import { globalId } from '../helpers/graphql-ids';
import {
  createSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import {
  type ConfigOverrides,
  createTestEnvironment,
  type TestEnvironment,
} from '../helpers/test-environment';
import { ADMIN, bearerFor } from '../helpers/tokens';

const CREATE_MEMBER = `mutation CreateMember($input: CreateMemberInput!) {
  createMember(input: $input) { member { id siren version } userErrors { field message code } }
}`;
const MEMBER_COUNT = `query MemberCount($siren: String!) {
  members(first: 1, filter: { siren: { eq: $siren } }) { totalCount }
}`;

interface CreateMemberData {
  createMember: {
    member: { id: string; siren: string; version: number } | null;
    userErrors: { field: string[] | null; message: string; code: string }[];
  };
}

const redisUrl = process.env.TEST_REDIS_URL;
/** The stores to test: the database always, Redis when the run has one (TEST_REDIS_URL). */
const stores = redisUrl ? (['database', 'redis'] as const) : (['database'] as const);
const cases = testDatabaseKinds().flatMap((kind) => stores.map((store) => [kind, store] as const));

describe.each(cases)('Idempotency-Key on %s, keys in the %s', (kind, store) => {
  const prefix = `polegraph-test-idem-${process.pid}-${randomBytes(4).toString('hex')}:`;
  const redis: ConfigOverrides =
    store === 'redis' ? { redis: { url: redisUrl!, keyPrefix: prefix } } : {};
  let database: TestDatabase;
  let api: TestEnvironment;
  let regionId: string;
  let sequence = 0;

  beforeAll(async () => {
    database = await createSeededDatabase(kind, 'idempotency');
    api = await createTestEnvironment(database, redis, { as: ADMIN });
    const [region] = (await database.dataSource.query('SELECT id FROM region LIMIT 1')) as {
      id: number;
    }[];
    regionId = globalId('Region', region.id);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    if (store === 'redis') {
      const client = createClient({ url: redisUrl });
      await client.connect();
      const keys = await client.keys(`${prefix}*`);
      if (keys.length > 0) await client.del(keys);
      await client.close();
    }
  });

  function memberInput() {
    sequence += 1;
    return {
      name: `Idempotent ${sequence}`,
      siren: sirenWithCheckDigit(`97${String(sequence).padStart(6, '0')}`),
      category: 'SME',
      regionId,
      city: 'Lyon',
    };
  }

  async function membersWithSiren(siren: string): Promise<number> {
    const [row] = (await database.dataSource.query(
      'SELECT COUNT(*) AS n FROM member WHERE siren = ?',
      [siren],
    )) as { n: number | string }[];
    return Number(row.n);
  }

  it('answers a retry with the first outcome and runs it once', async () => {
    const input = memberInput();
    const headers = { 'idempotency-key': randomUUID() };
    const first = await api.query<CreateMemberData>(CREATE_MEMBER, { input }, headers);
    expect(first.data!.createMember.userErrors).toEqual([]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await api.query<CreateMemberData>(CREATE_MEMBER, { input }, headers);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.data).toEqual(first.data);
    expect(retry.errors).toBeUndefined();
    expect(await membersWithSiren(input.siren)).toBe(1);
  });

  it('replays a refusal too: the first outcome, not a second run', async () => {
    const input = { ...memberInput(), siren: '123456789' };
    const headers = { 'idempotency-key': randomUUID() };
    const first = await api.query<CreateMemberData>(CREATE_MEMBER, { input }, headers);
    expect(first.data!.createMember.userErrors).not.toEqual([]);
    const retry = await api.query<CreateMemberData>(CREATE_MEMBER, { input }, headers);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.data).toEqual(first.data);
  });

  it('gives the first outcome to a retry whose first answer was lost', async () => {
    const input = memberInput();
    const key = randomUUID();
    const body = JSON.stringify({ query: CREATE_MEMBER, variables: { input } });
    const { authorization } = await bearerFor(database.dataSource, { role: Role.ADMIN });
    const url = new URL(api.url);
    // The client sends the request, then hangs up without reading a byte of the answer.
    const socket = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\n` +
        `Content-Type: application/json\r\nAuthorization: ${authorization}\r\n` +
        `Idempotency-Key: ${key}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    socket.pause();
    // It committed all the same (the server cannot know the answer will not arrive).
    const deadline = Date.now() + 10_000;
    while ((await membersWithSiren(input.siren)) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    socket.destroy();
    expect(await membersWithSiren(input.siren)).toBe(1);

    const retry = await api.query<CreateMemberData>(
      CREATE_MEMBER,
      { input },
      { authorization, 'idempotency-key': key },
    );
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.data!.createMember.userErrors).toEqual([]);
    expect(retry.data!.createMember.member).toEqual(
      expect.objectContaining({ siren: input.siren, version: 1 }),
    );
    expect(await membersWithSiren(input.siren)).toBe(1);
  });

  it('runs concurrent duplicates once: they wait for the first and share its answer', async () => {
    const input = memberInput();
    const headers = { 'idempotency-key': randomUUID() };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.query<CreateMemberData>(CREATE_MEMBER, { input }, headers),
      ),
    );
    // Every answer is the first one's (errors shown whole when one is not).
    for (const answer of answers) {
      expect({ data: answer.data, errors: answer.errors }).toEqual({
        data: answers[0].data,
        errors: undefined,
      });
    }
    expect(answers[0].data!.createMember.userErrors).toEqual([]);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed'))).toHaveLength(4);
    expect(await membersWithSiren(input.siren)).toBe(1);
  });

  it('refuses a key reused with another request (BAD_USER_INPUT, HTTP 422)', async () => {
    const headers = { 'idempotency-key': randomUUID() };
    await api.query(CREATE_MEMBER, { input: memberInput() }, headers);
    const other = memberInput();
    const reuse = await api.query(CREATE_MEMBER, { input: other }, headers);
    expect(reuse.status).toBe(422);
    expect(reuse.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/already used with another request/),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    expect(await membersWithSiren(other.siren)).toBe(0);
  });

  it('refuses a key that is not 1 to 255 visible ASCII characters', async () => {
    for (const key of ['has space', 'x'.repeat(256), 'clé']) {
      const input = memberInput();
      const answer = await api.query(CREATE_MEMBER, { input }, { 'idempotency-key': key });
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await membersWithSiren(input.siren)).toBe(0);
    }
  });

  it('keys belong to their caller: another token with the same key runs its own request', async () => {
    const key = randomUUID();
    const input = memberInput();
    await api.query(CREATE_MEMBER, { input }, { 'idempotency-key': key });
    const other = await bearerFor(database.dataSource, { role: Role.ADMIN });
    const second = await api.query<CreateMemberData>(
      CREATE_MEMBER,
      { input },
      { ...other, 'idempotency-key': key },
    );
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.data!.createMember.userErrors).toEqual([
      expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'siren'] }),
    ]);
  });

  it('leaves queries alone: the header has no effect on a read', async () => {
    const headers = { 'idempotency-key': randomUUID() };
    const input = memberInput();
    const before = await api.query(MEMBER_COUNT, { siren: input.siren }, headers);
    await api.query(CREATE_MEMBER, { input }, { 'idempotency-key': randomUUID() });
    const after = await api.query(MEMBER_COUNT, { siren: input.siren }, headers);
    expect(before.data).toEqual({ members: { totalCount: 0 } });
    expect(after.data).toEqual({ members: { totalCount: 1 } });
    expect(after.headers.get('idempotent-replayed')).toBeNull();
  });

  it('forgets a key after its time to live (IDEMPOTENCY_TTL_SECONDS)', async () => {
    const shortLived = await createTestEnvironment(
      database,
      { ...redis, idempotency: { ttlSeconds: 1 } },
      { as: ADMIN },
    );
    try {
      const input = memberInput();
      const headers = { 'idempotency-key': randomUUID() };
      await shortLived.query(CREATE_MEMBER, { input }, headers);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const later = await shortLived.query<CreateMemberData>(CREATE_MEMBER, { input }, headers);
      // Run again: the SIREN is taken by the first run now.
      expect(later.headers.get('idempotent-replayed')).toBeNull();
      expect(later.data!.createMember.userErrors).toEqual([
        expect.objectContaining({ code: 'DUPLICATE' }),
      ]);
    } finally {
      await shortLived.close();
    }
  });
  if (store === 'redis')
    it('refuses a keyed mutation with 503 SERVICE_UNAVAILABLE while Redis is cut, runs nothing, and honours the key once Redis is back', async () => {
      const { proxy, url: throughProxy } = await proxiedRedis(redisUrl!);
      const cutOff = await createTestEnvironment(
        database,
        { redis: { url: throughProxy, keyPrefix: prefix } },
        { as: ADMIN },
      );
      try {
        const input = memberInput();
        const headers = { 'idempotency-key': randomUUID() };
        const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
        proxy.cut();
        const started = Date.now();
        const refused = await cutOff.query<CreateMemberData>(CREATE_MEMBER, { input }, headers);
        expect(Date.now() - started).toBeLessThan(5000);
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).not.toBeNull();
        expect(refused.errors?.map((error) => error.extensions?.code)).toEqual([
          'SERVICE_UNAVAILABLE',
        ]);
        expect(refused.errors?.[0].message).toMatch(/nothing was run/);
        expect(await membersWithSiren(input.siren)).toBe(0);
        // Said in the log, with its cause.
        expect(warnings.mock.calls.flat().join('\n')).toMatch(/\[idempotency\] Redis failed/);

        // Back: the same key runs once, then replays.
        proxy.restore();
        let first = refused;
        const deadline = Date.now() + 10_000;
        while (first.status === 503 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          first = await cutOff.query<CreateMemberData>(CREATE_MEMBER, { input }, headers);
        }
        expect(first.errors).toBeUndefined();
        expect(first.data?.createMember.userErrors).toEqual([]);
        const retry = await cutOff.query<CreateMemberData>(CREATE_MEMBER, { input }, headers);
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
        expect(await membersWithSiren(input.siren)).toBe(1);
      } finally {
        jest.restoreAllMocks();
        await cutOff.close();
        await proxy.close();
      }
    });
});
