import 'reflect-metadata';

import { seedDatabase } from '../../server/src/seed/seed';
import {
  freshDatabaseConfig,
  openTestDatabase,
  SEEDED_DATABASE_ENV,
  testDatabaseKinds,
} from './test-databases';

/**
 * Seeds the national dataset once per run and per database, for the suites that only read.
 * Suites that write make databases of their own.
 */
export default async function globalSetup(): Promise<void> {
  for (const kind of testDatabaseKinds()) {
    const started = Date.now();
    const database = await openTestDatabase(kind, freshDatabaseConfig(kind, 'seeded'), {
      create: true,
    });
    try {
      await seedDatabase(database.dataSource);
    } finally {
      await database.dataSource.destroy();
    }
    process.env[SEEDED_DATABASE_ENV[kind]] = JSON.stringify(database.config);
    console.info(
      `\n[global setup] seeded ${kind} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
