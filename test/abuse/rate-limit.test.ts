import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

import { createClient } from 'redis';

import { anonymousCaller, type Caller } from '../../server/src/auth/roles';
import { MemoryRateLimitStore } from '../../server/src/rate-limit/memory-rate-limit-store';
import { RateLimiter } from '../../server/src/rate-limit/rate-limiter';
import { RedisRateLimitStore } from '../../server/src/rate-limit/redis-rate-limit-store';
import {
  createEmptyDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import {
  createTestEnvironment,
  type GraphQLResponse,
  type TestEnvironment,
} from '../helpers/test-environment';
import { ADMIN, bearerFor } from '../helpers/tokens';

/** One point: one object (a region that may not exist; regions { code } would cost 18). */
const ONE_POINT = 'query Region { region(code: "84") { code } }';

function tokenCaller(tokenId: number): Caller {
  return {
    kind: 'token',
    name: `token ${tokenId}`,
    tokenId,
    role: 'ADMIN' as never,
    regionId: null,
    ministryId: null,
    poleId: null,
    ip: '10.0.0.1',
  };
}

describe('the leaky bucket', () => {
  let nowMs: number;
  let limiter: RateLimiter;

  beforeEach(() => {
    nowMs = Date.UTC(2025, 0, 1);
    limiter = new RateLimiter(new MemoryRateLimitStore(() => nowMs), {
      capacity: 10,
      restoreRate: 2,
    });
  });

  it('takes each cost until the bucket lacks one, then says how long to wait', async () => {
    const caller = anonymousCaller('192.0.2.1');
    expect(await limiter.take(caller, 4)).toMatchObject({
      allowed: true,
      cost: 4,
      remaining: 6,
      retryAfterSeconds: 0,
    });
    expect(await limiter.take(caller, 6)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await limiter.take(caller, 3);
    // 3 points at 2 a second: 1.5 s, announced as 2 whole seconds.
    expect(refused).toMatchObject({ allowed: false, cost: 3, remaining: 0, retryAfterSeconds: 2 });
    expect(refused.resetAt).toEqual(new Date(nowMs + 5000));
  });

  it('refills at the restore rate, never beyond the capacity', async () => {
    const caller = anonymousCaller('192.0.2.2');
    await limiter.take(caller, 10);
    nowMs += 1500;
    expect(await limiter.take(caller, 0)).toMatchObject({ allowed: true, remaining: 3 });
    nowMs += 60_000;
    expect(await limiter.take(caller, 1)).toMatchObject({ allowed: true, remaining: 9 });
  });

  it('keeps one bucket per token and one per IP address', async () => {
    await limiter.take(anonymousCaller('192.0.2.3'), 10);
    expect((await limiter.take(anonymousCaller('192.0.2.3'), 1)).allowed).toBe(false);
    expect((await limiter.take(anonymousCaller('192.0.2.4'), 1)).allowed).toBe(true);
    expect((await limiter.take(tokenCaller(7), 10)).allowed).toBe(true);
    expect((await limiter.take(tokenCaller(8), 10)).allowed).toBe(true);
  });

  it('forgets the least recently used buckets past its size', async () => {
    const small = new RateLimiter(new MemoryRateLimitStore(() => nowMs, 2), {
      capacity: 10,
      restoreRate: 2,
    });
    await small.take(anonymousCaller('a'), 10);
    await small.take(anonymousCaller('b'), 10);
    await small.take(anonymousCaller('c'), 10);
    // `a` was dropped: it comes back full.
    expect(await small.take(anonymousCaller('a'), 0)).toMatchObject({ remaining: 10 });
    expect(await small.take(anonymousCaller('c'), 0)).toMatchObject({ remaining: 0 });
  });
});

describe.each(testDatabaseKinds())('the rate limit over HTTP on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;

  beforeAll(async () => {
    // Tokens are written: an empty database of this suite's own.
    database = await createEmptyDatabase(kind, 'ratelimit');
    // 5 points, 2 back per second: the sixth request in a row is refused, and waits 1 s at most.
    api = await createTestEnvironment(database, {
      rateLimit: { points: 5, restoreRate: 2 },
      // Tokens get the same bucket here: their ceilings are the base one.
      limits: {
        maxQueryCost: 5,
        maxQueryCostByRole: { POLE_MANAGER: 5, REGION_OFFICER: 5, MINISTRY_ANALYST: 5, ADMIN: 5 },
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  function rateLimitHeaders(response: GraphQLResponse): Record<string, string | null> {
    return {
      limit: response.headers.get('x-ratelimit-limit'),
      remaining: response.headers.get('x-ratelimit-remaining'),
      retryAfter: response.headers.get('retry-after'),
    };
  }

  it('sends X-RateLimit headers, then refuses with 429, Retry-After and RATE_LIMITED, then lets the bucket refill', async () => {
    const answers: GraphQLResponse[] = [];
    for (let request = 0; request < 5; request += 1) answers.push(await api.query(ONE_POINT));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
      expect(answer.headers.get('x-ratelimit-limit')).toBe('5');
      // Epoch seconds when the bucket is full again: now or a few seconds ahead.
      const reset = Number(answer.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
      expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 3);
    }
    // Remaining goes down by 1 a request (a few ms of refill at 2/s may hold one back).
    const remaining = answers.map((answer) => Number(answer.headers.get('x-ratelimit-remaining')));
    expect(remaining[0]).toBe(4);
    expect(remaining.at(-1)).toBeLessThanOrEqual(1);

    let refused = await api.query(ONE_POINT);
    if (refused.status === 200) refused = await api.query(ONE_POINT);
    expect(refused.status).toBe(429);
    expect(rateLimitHeaders(refused)).toEqual({ limit: '5', remaining: '0', retryAfter: '1' });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors).toEqual([
      {
        message: expect.stringMatching(
          /^Rate limit exceeded: this request costs 1 point and 0 of 5 are left; 2 points come back every second\. Retry in 1 s\.$/,
        ),
        extensions: { code: 'RATE_LIMITED', requestId: expect.any(String), retryAfter: 1 },
      },
    ]);
    expect(refused.extensions?.cost).toMatchObject({
      requestedQueryCost: 1,
      currentlyAvailable: 0,
      maximumAvailable: 5,
    });

    // 2 points a second: after 600 ms the bucket holds 1 again.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const again = await api.query(ONE_POINT);
    expect(again.status).toBe(200);
    expect(again.errors).toBeUndefined();
  });

  it('gives a token a bucket of its own', async () => {
    // Empty the anonymous bucket (this IP's).
    for (let request = 0; request < 8; request += 1) await api.query(ONE_POINT);
    expect((await api.query(ONE_POINT)).status).toBe(429);
    const asAdmin = await bearerFor(database.dataSource, ADMIN);
    const response = await api.query(ONE_POINT, undefined, asAdmin);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('sends the headers with errors too', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const response = await api.query('query Broken { regions { code ');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.headers.get('x-ratelimit-limit')).toBe('5');
    expect(response.headers.get('x-ratelimit-remaining')).not.toBeNull();
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
/** Defined only when the run has a Redis (TEST_REDIS_URL), as the MySQL suites are. */
const describeWithRedis: (name: string, body: () => void) => void = (name, body) => {
  if (redisUrl) describe(name, body);
};

describeWithRedis('the Redis store (TEST_REDIS_URL)', () => {
  const prefix = `polegraph-test-${process.pid}-${randomBytes(4).toString('hex')}:`;
  const settings = { capacity: 5, restoreRate: 4 };
  const stores: RedisRateLimitStore[] = [];

  async function store(): Promise<RedisRateLimitStore> {
    const connected = await RedisRateLimitStore.connect(redisUrl!, prefix);
    stores.push(connected);
    return connected;
  }

  afterAll(async () => {
    for (const connected of stores) await connected.close();
    const client = createClient({ url: redisUrl });
    await client.connect();
    try {
      const keys = await client.keys(`${prefix}*`);
      if (keys.length > 0) await client.del(keys);
    } finally {
      await client.close();
    }
  });

  it('shares one bucket between two servers', async () => {
    const serverA = new RateLimiter(await store(), settings);
    const serverB = new RateLimiter(await store(), settings);
    const caller = anonymousCaller('198.51.100.7');
    expect(await serverA.take(caller, 3)).toMatchObject({ allowed: true, remaining: 2 });
    expect(await serverB.take(caller, 2)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await serverA.take(caller, 2);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await serverB.take(caller, 2)).toMatchObject({ allowed: true });
  });

  it('keeps tokens and addresses apart, and lets idle buckets expire', async () => {
    const limiter = new RateLimiter(await store(), settings);
    await limiter.take(tokenCaller(41), 5);
    expect((await limiter.take(tokenCaller(41), 1)).allowed).toBe(false);
    expect((await limiter.take(tokenCaller(42), 1)).allowed).toBe(true);
    const client = createClient({ url: redisUrl });
    await client.connect();
    try {
      // Empty bucket: full again in 5 / 4 s, plus a second of margin.
      const ttl = await client.pTTL(`${prefix}ratelimit:token:41`);
      expect(ttl).toBeGreaterThan(1000);
      expect(ttl).toBeLessThanOrEqual(2250);
    } finally {
      await client.close();
    }
  });

  it('lets requests through, and says so once, when Redis goes away', async () => {
    const lost = await RedisRateLimitStore.connect(redisUrl!, prefix);
    const limiter = new RateLimiter(lost, settings);
    await lost.close();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await limiter.take(anonymousCaller('198.51.100.9'), 5)).toMatchObject({
        allowed: true,
        remaining: 5,
      });
      expect(await limiter.take(anonymousCaller('198.51.100.9'), 5)).toMatchObject({
        allowed: true,
      });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toMatch(
        /^\[rate-limit\] Redis failed, requests go through unlimited meanwhile: /,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it.each(testDatabaseKinds())(
    'limits requests across two servers over HTTP (%s)',
    async (kind) => {
      const database = await createEmptyDatabase(kind, 'redisrl');
      const overrides = {
        rateLimit: { points: 3, restoreRate: 0.5 },
        limits: { maxQueryCost: 3 },
        redis: { url: redisUrl!, keyPrefix: `${prefix}http-${kind}:` },
      };
      const serverA = await createTestEnvironment(database, overrides);
      const serverB = await createTestEnvironment(database, overrides);
      try {
        expect((await serverA.query(ONE_POINT)).status).toBe(200);
        expect((await serverB.query(ONE_POINT)).status).toBe(200);
        expect((await serverA.query(ONE_POINT)).status).toBe(200);
        const refused = await serverB.query(ONE_POINT);
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toBe('2');
        expect(refused.errors?.[0].extensions).toEqual({
          code: 'RATE_LIMITED',
          requestId: expect.any(String),
          retryAfter: 2,
        });
      } finally {
        await serverA.close();
        await serverB.close();
        await database.drop();
      }
    },
  );
});

describe('a Redis that does not answer', () => {
  it('stops the start with a clear message', async () => {
    await expect(RedisRateLimitStore.connect('redis://:secret@127.0.0.1:1', 'x:')).rejects.toThrow(
      /^The rate limit cannot reach Redis \(REDIS_URL=redis:\/\/:\*\*\*@127\.0\.0\.1:1\): /,
    );
  });
});
