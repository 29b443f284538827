import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

import { createFold } from '../../server/src/database/query/sql-dialect';
import { inTransaction } from '../../server/src/database/transactions';
import { Ministry } from '../../server/src/ministry/ministry.entity';
import { createEmptyDatabase, type TestDatabase } from '../helpers/test-databases';

/**
 * Another process writing to the server's SQLite file: a command-line token or import, or
 * another test suite. A transaction that reads and then writes must wait for the other's commit,
 * not fail with "database is locked" because its snapshot went stale meanwhile.
 */
describe('SQLite write transactions beside another process writing to the file', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createEmptyDatabase('sqlite', 'writers');
    await inTransaction(database.dataSource, (manager) =>
      manager.save(manager.create(Ministry, { code: 'ECO', name: 'Économie', shortName: 'ECO' })),
    );
  });
  afterAll(() => database?.drop());

  /**
   * Another process inserts a ministry on its own connection (waiting up to 5 s for the lock),
   * with `fold()` for the sort index on the name, as the server's connections have it.
   */
  const insertElsewhere = (code: string) => {
    const child = spawn(
      process.execPath,
      [
        '-e',
        `const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
         const db = new Database(process.argv[1], { timeout: 5000 });
         db.function('fold', { deterministic: true }, (${createFold.toString()})());
         db.prepare("INSERT INTO ministry (code, name, shortName, leadsPolicy) VALUES (?, ?, ?, 0)")
           .run(process.argv[2], process.argv[2], process.argv[2]);`,
        (database.config as { path: string }).path,
        code,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    let exited = false;
    const done = once(child, 'exit').then(([code]) => {
      exited = true;
      if (code !== 0) throw new Error(`the other process failed: ${stderr}`);
    });
    return { done, exited: () => exited };
  };

  it('lets a transaction that read before the other process committed write after it', async () => {
    const { other } = await inTransaction(database.dataSource, async (manager) => {
      // A read first: with a deferred BEGIN, this snapshot is what SQLite refuses to upgrade.
      expect(await manager.countBy(Ministry, {})).toBe(1);
      // Deferred, the other process commits at once, and the write below fails at once.
      const insert = insertElsewhere('AGRI');
      for (let waited = 0; waited < 1_000 && !insert.exited(); waited += 20) await sleep(20);
      await manager.save(
        manager.create(Ministry, { code: 'ARMEES', name: 'Armées', shortName: 'ARM' }),
      );
      // Not awaited here: the other process waits for this transaction's commit.
      return { other: insert.done };
    });
    await other;
    const codes = (await database.dataSource.query('SELECT code FROM ministry ORDER BY code')) as {
      code: string;
    }[];
    expect(codes.map(({ code }) => code)).toEqual(['AGRI', 'ARMEES', 'ECO']);
  });
});

/** TypeORM's SQLite driver would write number parameters into the SQL (data-source.ts). */
describe('numbers in statements TypeORM builds on SQLite', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createEmptyDatabase('sqlite', 'numbers');
  });
  afterAll(() => database?.drop());

  it('are bound, an integer as an INTEGER and a fraction as a REAL, as their literals were', async () => {
    const query = database.dataSource
      .createQueryBuilder()
      .select('typeof(:whole)', 'wholeType')
      .addSelect('typeof(:fraction)', 'fractionType')
      .addSelect("CAST(:whole AS TEXT) || '/' || CAST(:fraction AS TEXT)", 'asText')
      .from(Ministry, 'ministry')
      .where('ministry.id > :negative', { negative: -1 })
      .setParameters({ whole: 7108, fraction: 2.5 });
    const [sql, parameters] = query.getQueryAndParameters();
    expect(sql).not.toMatch(/7108|2\.5|-1/);
    expect(parameters).toEqual([7108n, 2.5, 7108n, 2.5, -1n]);
    await inTransaction(database.dataSource, (manager) =>
      manager.save(
        manager.create(Ministry, { code: 'AGR', name: 'Agriculture', shortName: 'AGR' }),
      ),
    );
    expect(await query.getRawOne()).toEqual({
      wholeType: 'integer',
      fractionType: 'real',
      asText: '7108/2.5',
    });
  });
});
