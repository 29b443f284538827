import 'reflect-metadata';

import { seedDatabase } from '../../server/src/seed/seed';
import {
  copyDatabase,
  freshDatabaseConfig,
  openTestDatabase,
  SEED_TEMPLATE_ENV,
  SEEDED_DATABASE_ENV,
  testDatabaseKinds,
} from './test-databases';

/**
 * Seeds the national dataset once per run and per database, as a template no one opens again;
 * the suites that only read share a copy of it, the suites that write make copies of their own
 * (`createSeededDatabase`).
 */
export default async function globalSetup(): Promise<void> {
  for (const kind of testDatabaseKinds()) {
    const started = Date.now();
    const template = await openTestDatabase(kind, freshDatabaseConfig(kind, 'template'), {
      create: true,
    });
    try {
      await seedDatabase(template.dataSource);
    } finally {
      await template.dataSource.destroy();
    }
    process.env[SEED_TEMPLATE_ENV[kind]] = JSON.stringify(template.config);
    const shared = await copyDatabase(template.config, kind, 'seeded');
    await shared.dataSource.destroy();
    process.env[SEEDED_DATABASE_ENV[kind]] = JSON.stringify(shared.config);
    console.info(
      `\n[global setup] seeded ${kind} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
