import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';

import { SqliteReadPool } from '../../server/src/database/sqlite-read-pool';

/**
 * The SQLite read workers beyond the first are ended once idle (sqlite-read-pool.ts,
 * `IDLE_WORKER_MS`): a burst of reads starts a second worker, and the memory it holds goes back
 * once the burst is over; the first stays, so a lone read never waits for a worker to start.
 */
const IDLE_MS = 1000;
/** A read that keeps a worker busy for a while (tens of ms): the next one needs another worker. */
const BUSY_READ =
  'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000000) SELECT COUNT(*) AS n FROM c';

describe('SQLite read workers', () => {
  let directory: string;
  let pool: SqliteReadPool;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'polegraph-readers-'));
    const file = join(directory, 'readers.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2)');
    db.close();
    pool = new SqliteReadPool(file, 2, IDLE_MS);
  });
  afterAll(async () => {
    await pool?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const until = async (condition: () => boolean, withinMs: number) => {
    const deadline = Date.now() + withinMs;
    while (!condition() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return condition();
  };

  it('ends the second worker once it has been idle, keeps the first, and reads on', async () => {
    // Two reads at once, each on a worker of its own.
    const answers = await Promise.all([
      pool.read(BUSY_READ, [], 30_000),
      pool.read(BUSY_READ, [], 30_000),
    ]);
    expect(answers.map((answer) => answer.rows)).toEqual([[{ n: 3000000 }], [{ n: 3000000 }]]);
    expect(pool.workerCount).toBe(2);

    // Not before it has been idle that long…
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS / 4));
    expect(pool.workerCount).toBe(2);
    // …then within a few intervals, and never the last one.
    expect(await until(() => pool.workerCount === 1, IDLE_MS * 10)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 1.5));
    expect(pool.workerCount).toBe(1);

    const after = await pool.read('SELECT id FROM t ORDER BY id', [], 30_000);
    expect(after.rows).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
