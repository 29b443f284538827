import { setTimeout as delay } from 'node:timers/promises';

import { sqlStatementLog } from '../../server/src/database/data-source';
import { countStatements } from '../helpers/statement-counter';
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
/** Heavy and long enough (hundreds of ms) for another request to queue behind it. */
const LONG = `query LongOverview {
  poles(first: 55) { nodes { name projects(first: 100) { nodes { title acronym status programme { name } } } } }
}`;

/** Resolves at the next SQL statement sent on `dataSource`. */
function nextStatement(dataSource: TestDatabase['dataSource']): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = sqlStatementLog(dataSource).subscribe(() => {
      unsubscribe();
      resolve();
    });
  });
}

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

  it('never runs a heavy operation whose client went away while it waited for its turn', async () => {
    const alone = await countStatements(database.dataSource, () => api.query(LONG));
    expect(alone.result.errors).toBeUndefined();
    expect(alone.statements.length).toBeGreaterThan(0);

    const episode = await countStatements(database.dataSource, async () => {
      const running = nextStatement(database.dataSource);
      const first = api.query(LONG);
      // The first holds the lane's one place once its reads have begun.
      await running;
      const client = new AbortController();
      const abandoned = fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LONG }),
        signal: client.signal,
      }).then(
        () => 'answered',
        () => 'aborted',
      );
      await delay(150);
      client.abort();
      await expect(abandoned).resolves.toBe('aborted');
      expect((await first).errors).toBeUndefined();
      // Queued behind anything that would still run: once it answers, the lane has emptied.
      expect((await api.query(LONG)).errors).toBeUndefined();
    });
    // The first and the last ran; the abandoned one, queued between them, never did.
    expect(episode.statements.length).toBe(2 * alone.statements.length);
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
