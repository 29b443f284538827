import { setTimeout as delay } from 'node:timers/promises';

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
/**
 * Heavy, and long: each call is a new document, which graphql-jit never compiles (only a
 * document's second run is), so every run takes graphql-js's time. With the projects' themes,
 * lead and co-labelling poles and their regions it takes 0.3–0.6 s on SQLite; without them it
 * had come down to 80 ms as reads got faster, too short a window for the test below to queue a
 * second one behind it on a busy machine (five inconclusive tries in a row, in CI).
 */
let longRuns = 0;
const long = () => `query LongOverview${(longRuns += 1)} {
  poles(first: 55) { nodes { name projects(first: 100) { nodes {
    title acronym status summary programme { name } themes { name }
    leadPole { name region { name } } coLabellingPoles { name region { name } }
  } } } }
}`;

describe.each(testDatabaseKinds())('heavy operations on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    api = await createTestEnvironment(database, {
      rateLimit: { points: 1_000_000, restoreRate: 1_000_000 },
      limits: { maxQueryCost: 1_000_000, heavyQueryCost: 100, maxConcurrentHeavyExecutions: 1 },
      // Whether an operation ran is told by its statements: nothing is kept between requests,
      // so every run reads the same ones, whether or not the kept reference tables have just
      // expired (READ_CACHE_MS) or been dropped by a commit (seen: 5 statements against 7).
      database: { readCacheMs: 0 },
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

  /** The heavy lane's state, as /metrics reports it. */
  async function lane(): Promise<{ running: number; waiting: number }> {
    const text = await (await fetch(new URL('/metrics', api.url))).text();
    const gauge = (name: string) =>
      Number(new RegExp(`^polegraph_heavy_operations_${name} (\\d+)$`, 'm').exec(text)?.[1]);
    return { running: gauge('running'), waiting: gauge('waiting') };
  }
  async function until(
    what: string,
    condition: (state: { running: number; waiting: number }) => boolean,
  ): Promise<void> {
    const deadline = Date.now() + 20_000;
    let state = await lane();
    while (!condition(state)) {
      if (Date.now() > deadline)
        throw new Error(`the heavy lane never had ${what}: ${JSON.stringify(state)}`);
      await delay(10);
      state = await lane();
    }
  }

  it('never runs a heavy operation whose client went away while it waited for its turn', async () => {
    // Once first: the reference tables it shows are kept from then on, and read no more.
    await api.query(long());
    const alone = await countStatements(database.dataSource, () => api.query(long()));
    expect(alone.result.errors).toBeUndefined();
    expect(alone.statements.length).toBeGreaterThan(0);

    // The second must reach the lane while the first still runs; on a loaded machine the first
    // may end before, which proves nothing either way: then the episode is run again. So does
    // an episode where the first ended, and the second took its place, before the hang-up
    // reached the server (seen in CI): on MariaDB the operation may even be over before the
    // test looks, so whether it ran is read from the statements, once the lane is empty. With
    // the signal unwired every queued episode runs the second, so five in a row fail the test.
    for (let attempt = 1; ; attempt += 1) {
      const episode = await countStatements(database.dataSource, async () => {
        let firstDone = false;
        const first = api.query(long()).finally(() => (firstDone = true));
        await until('the first operation running', (state) => state.running === 1);
        const client = new AbortController();
        const abandoned = fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: long() }),
          signal: client.signal,
        }).then(
          () => 'answered',
          () => 'aborted',
        );
        await until(
          'the second operation waiting, or the first done',
          (state) => state.waiting === 1 || firstDone,
        );
        const queued = (await lane()).waiting === 1;
        client.abort();
        await abandoned;
        expect((await first).errors).toBeUndefined();
        await until('nothing running', (state) => state.running === 0 && state.waiting === 0);
        return queued;
      });
      const ran = episode.statements.length / alone.statements.length;
      // Not queued in time, or queued but run before its hang-up reached the server.
      if (!episode.result || ran === 2) {
        if (attempt < 5) continue;
        throw new Error(
          'in 5 tries, the second operation never left the lane while the first ran: it was not ' +
            'queued in time, or it ran once the first ended although its client had gone',
        );
      }
      // The first ran; the abandoned one never did, and the lane still serves.
      expect(ran).toBe(1);
      expect((await api.query(long())).errors).toBeUndefined();
      break;
    }
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
