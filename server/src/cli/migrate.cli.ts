import 'reflect-metadata';

import { loadConfig } from '../config/config';
import { openDataSource } from '../database/data-source';
import { ENTITIES } from '../features';

/**
 * `npm run migrate`: brings a MySQL/MariaDB database up to date with the committed migrations.
 * The embedded SQLite database needs none: it is built from the entities.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.database.connection.kind === 'sqlite') {
    console.info('DATABASE_URL is SQLite: its schema follows the entities, no migration to run.');
    return;
  }
  const dataSource = await openDataSource(config.database.connection, { entities: ENTITIES });
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.info(
      applied.length === 0
        ? 'The database is up to date.'
        : `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
