import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';

/**
 * Operations whose requested cost reaches HEAVY_QUERY_COST take turns in the heavy lane
 * (graphql/limits/heavy-operation-lane.ts): with one place, many heavy requests at once all
 * answer, in turn, and every place is given back, also by a heavy operation that fails.
 */
const HEAVY = `query HeavyPage { poles(first: 55) { nodes { name region { name } themes { name } } } }`;
const LIGHT = `query LightList { regions { code } }`;

describe.each(testDatabaseKinds())('heavy operations on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    api = await createTestEnvironment(database, {
      rateLimit: { points: 1_000_000, restoreRate: 1_000_000 },
      limits: { maxQueryCost: 1_000_000, heavyQueryCost: 100, maxConcurrentHeavyExecutions: 1 },
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('answers many heavy requests sent at once, one at a time, beside light ones', async () => {
    const heavy = await api.query<{ poles: { nodes: unknown[] } }>(HEAVY);
    expect(heavy.errors).toBeUndefined();
    expect(heavy.extensions?.cost).toMatchObject({ requestedQueryCost: expect.any(Number) });
    expect(
      (heavy.extensions!.cost as { requestedQueryCost: number }).requestedQueryCost,
    ).toBeGreaterThanOrEqual(100);

    const answers = await Promise.all([
      ...Array.from({ length: 6 }, () => api.query(HEAVY)),
      ...Array.from({ length: 6 }, () => api.query(LIGHT)),
    ]);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(answers.slice(0, 6).map((answer) => answer.data)).toEqual(
      Array.from({ length: 6 }, () => heavy.data),
    );
  });

  it('gives the place back when a heavy operation fails', async () => {
    const failing = await api.query(
      `query HeavyBadCursor { poles(first: 55, after: "nope") { nodes { name region { name } themes { name } } } }`,
    );
    expect(failing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const next = await api.query(HEAVY);
    expect(next.errors).toBeUndefined();
  });
});
