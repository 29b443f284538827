import type { DatabaseConfig } from '../../server/src/config/config';
import {
  dropDatabase,
  SEED_TEMPLATE_ENV,
  SEEDED_DATABASE_ENV,
  testDatabaseKinds,
} from './test-databases';

/** Drops the databases global setup made: the seed's template and the shared copy. */
export default async function globalTeardown(): Promise<void> {
  for (const kind of testDatabaseKinds()) {
    for (const variable of [SEEDED_DATABASE_ENV[kind], SEED_TEMPLATE_ENV[kind]]) {
      const serialized = process.env[variable];
      if (serialized) await dropDatabase(JSON.parse(serialized) as DatabaseConfig);
    }
  }
}
