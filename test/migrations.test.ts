import 'reflect-metadata';

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { pendingSchemaChanges } from '../server/src/database/schema-drift';
import {
  createEmptyDatabase,
  databaseUrlOf,
  type TestDatabase,
  testDatabaseKinds,
} from './helpers/test-databases';

const MIGRATION_CLI = join(__dirname, '..', 'server', 'dist', 'cli', 'migration-generate.cli.js');

describe.each(testDatabaseKinds())('schema on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    // On MySQL/MariaDB this runs the committed migrations on a fresh database.
    database = await createEmptyDatabase(kind, 'migrations');
  });
  afterAll(() => database?.drop());

  it('matches the entities: no pending change', async () => {
    const pending = await pendingSchemaChanges(database.dataSource);
    if (pending.up.length > 0) {
      throw new Error(
        'The entities changed but no migration says so. Run, against a scratch MySQL/MariaDB ' +
          'database: DATABASE_URL=mysql://root@127.0.0.1:3306/scratch npm run migration:generate -- <Name>\n' +
          pending.up.join(';\n'),
      );
    }
    expect(pending.up).toEqual([]);
  });

  if (kind === 'mysql') {
    it('has run every committed migration, and can undo them all', async () => {
      const { dataSource } = database;
      expect(await dataSource.showMigrations()).toBe(false);
      for (const _ of dataSource.migrations)
        await dataSource.undoLastMigration({ transaction: 'all' });
      const tables = (await dataSource.query('SHOW TABLES')) as Record<string, string>[];
      expect(tables.map((row) => Object.values(row)[0])).toEqual(['typeorm_migration']);
      await dataSource.runMigrations({ transaction: 'all' });
      expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
    });

    // A process that opens MySQL/MariaDB alone, as `npm run migration:generate` and the server
    // do: here the SQLite suites of this file share TypeORM's metadata, which once hid that the
    // derived page indexes (sort-indexes.ts) were declared for SQLite only, and the generator
    // would have dropped them.
    it('agrees with the migration generator run as a process of its own', () => {
      const run = spawnSync(process.execPath, [MIGRATION_CLI, '--check'], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: databaseUrlOf(database.config), LOG_LEVEL: 'warn' },
      });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toContain('The entities and the migrations agree');
    });
  }
});
