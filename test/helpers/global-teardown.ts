import type { DatabaseConfig } from '../../server/src/config/config';
import { dropDatabase, SEEDED_DATABASE_ENV, testDatabaseKinds } from './test-databases';

/** Drops the seeded databases global setup made. */
export default async function globalTeardown(): Promise<void> {
  for (const kind of testDatabaseKinds()) {
    const serialized = process.env[SEEDED_DATABASE_ENV[kind]];
    if (serialized) await dropDatabase(JSON.parse(serialized) as DatabaseConfig);
  }
}
