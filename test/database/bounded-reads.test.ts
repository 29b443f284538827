import { DomainError } from '../../server/src/core/domain-error';
import { STALL_GRACE_MS } from '../../server/src/database/data-source';
import { readRows } from '../../server/src/database/database';
import { inTransaction } from '../../server/src/database/transactions';
import { Region } from '../../server/src/region/region.entity';
import {
  createEmptyDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';

/**
 * A read that would run for minutes: pure CPU on the database, no table needed, so its length
 * does not depend on the data. Each is abandoned by its statement budget.
 */
const ENDLESS_READ = {
  // SQLite streams a recursive CTE: counting to 10^10 takes far longer than any budget here.
  sqlite:
    'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10000000000) ' +
    'SELECT COUNT(*) AS n FROM c',
  // MySQL/MariaDB: a nested-loop cross join of a catalogue table with itself (about 10^10
  // rows); the server interrupts it at max_statement_time / max_execution_time.
  mysql:
    'SELECT COUNT(*) AS n FROM information_schema.COLLATIONS a, information_schema.COLLATIONS b, ' +
    'information_schema.COLLATIONS c, information_schema.COLLATIONS d',
};

/** The bound a fast read must answer within while a slow one runs: not tied to the slow one. */
const FAST_READ_BOUND_MS = 1000;
const SLOW_READ_BUDGET_MS = 4000;

describe.each(testDatabaseKinds())('bounded reads on %s', (kind) => {
  let database: TestDatabase;
  let environment: TestEnvironment;

  beforeAll(async () => {
    database = await createEmptyDatabase(kind, 'bounded');
    environment = await createTestEnvironment(database);
    // A region, so the fast read has a row to bring back.
    await inTransaction(database.dataSource, (manager) =>
      manager.save(manager.create(Region, { code: '84', name: 'Auvergne-Rhône-Alpes' })),
    );
  });
  beforeAll(async () => {
    // Steady state: the read workers (SQLite) or pooled connections are up, Apollo is warm.
    await Promise.all([1, 2, 3, 4].map(() => readRows(database.dataSource, 'SELECT 1 AS one')));
    await environment.query('{ regions { code } }');
  });
  afterAll(async () => {
    await environment?.close();
    await database?.drop();
  });

  it('answers { regions { code } } within a fixed bound while a slow read runs, and stops the slow read at its budget', async () => {
    const started = Date.now();
    let slowSettledAt: number | undefined;
    const slow = readRows(database.dataSource, ENDLESS_READ[kind], [], {
      budgetMs: SLOW_READ_BUDGET_MS,
    }).then(
      (rows) => {
        slowSettledAt = Date.now();
        return rows;
      },
      (error: unknown) => {
        slowSettledAt = Date.now();
        throw error;
      },
    );
    slow.catch(() => undefined);

    // Give the slow read time to start, then ask for the regions several times while it runs.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fastDurations: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const before = Date.now();
      const response = await environment.query<{ regions: { code: string }[] }>(
        '{ regions { code } }',
      );
      fastDurations.push(Date.now() - before);
      expect(response.errors).toBeUndefined();
      expect(response.data?.regions.map((region) => region.code)).toEqual(['84']);
    }
    // Every fast answer came while the slow read was still running...
    expect(slowSettledAt).toBeUndefined();
    // ...and none waited for it.
    for (const duration of fastDurations) expect(duration).toBeLessThan(FAST_READ_BOUND_MS);

    // The slow read is abandoned at its budget with QUERY_TIMEOUT (not after minutes).
    const error = await slow.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('QUERY_TIMEOUT');
    expect((error as DomainError).message).toMatch(/time budget of 4000 ms/);
    expect(slowSettledAt! - started).toBeGreaterThanOrEqual(SLOW_READ_BUDGET_MS - 50);
    expect(slowSettledAt! - started).toBeLessThan(SLOW_READ_BUDGET_MS + 3000);

    // The server goes on answering, on a replaced worker or a fresh connection.
    const after = await environment.query<{ regions: { code: string }[] }>('{ regions { code } }');
    expect(after.errors).toBeUndefined();
    expect(after.data?.regions).toEqual([{ code: '84' }]);
  }, 30000);

  // A busy main thread must not turn a timely answer into a timeout: the deadline's timer and
  // the answer become due in the same turn of the event loop, timers first (SQLite: the read
  // worker's budget; MySQL/MariaDB: the budget and the grace second past which a server is taken
  // for stalled).
  it('keeps a read answered in time while the main thread was busy past its deadline', async () => {
    const budgetMs = 200;
    const deadlineMs = kind === 'sqlite' ? budgetMs : budgetMs + STALL_GRACE_MS;
    const read = readRows<{ v: string }>(database.dataSource, 'SELECT ? AS v', ['kept!'], {
      budgetMs,
    });
    // Sent (the read is dispatched within the microtasks of readRows); then the main thread is
    // held past the deadline, while the database answers within a few milliseconds. Held after
    // the timers' phase of the event loop (as an HTTP request's work is), so that the next turn
    // finds the deadline's timer expired before it reads the answer.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        const until = Date.now() + deadlineMs + 2 * budgetMs;
        while (Date.now() < until) {
          // busy: the answer waits unread, the deadline's timer expires meanwhile
        }
        resolve();
      }),
    );
    await expect(read).resolves.toEqual([{ v: 'kept!' }]);
  });

  it('sees a write committed through the unit of work at once (reads on their own connections)', async () => {
    await inTransaction(database.dataSource, (manager) =>
      manager.save(manager.create(Region, { code: '93', name: "Provence-Alpes-Côte d'Azur" })),
    );
    const rows = await readRows<{ code: string }>(
      database.dataSource,
      'SELECT `code` FROM `region` ORDER BY `code`',
    );
    expect(rows.map((row) => row.code)).toEqual(['84', '93']);
    // fold() is registered on the read connections too.
    const folded = await readRows<{ folded: string }>(
      database.dataSource,
      kind === 'sqlite' ? "SELECT fold('Rhône') AS folded" : "SELECT LOWER('rhone') AS folded",
    );
    expect(folded[0].folded).toBe('rhone');
  });
});
