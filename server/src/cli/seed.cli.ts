import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import { ConfigError, type DatabaseConfig, loadConfig } from '../config/config';
import { openDataSource } from '../database/data-source';
import { ENTITIES } from '../features';
import { datasetChecksum } from '../seed/dataset-checksum';
import { describeMissingTables, missingTables, seedDatabase } from '../seed/seed';

const USAGE = 'Usage: npm run seed -- [--scale N] [--reset]';

interface SeedArguments {
  scale: number;
  reset: boolean;
}

/**
 * `npm run seed -- [--scale N] [--reset]`: loads the national dataset into the database that
 * DATABASE_URL names, then prints the rows per table and the dataset checksum.
 */
async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const config = loadConfig();
  const dataSource = await open(config.database.connection);
  try {
    // Checked before anything else, as MySQL tables only come from the migrations.
    const missing = await missingTables(dataSource);
    if (missing.length > 0) {
      throw new Error(
        `${describeMissingTables(dataSource, missing)} (${describe(config.database.connection)}): run ` +
          '`npm run migrate` first to create the schema.',
      );
    }
    console.info(`[seed] seeding ${describe(config.database.connection)} at scale ${args.scale}…`);
    const summary = await seedDatabase(dataSource, {
      scale: args.scale,
      reset: args.reset,
      log: (line) => console.info(line),
    });
    const checksum = await datasetChecksum(dataSource);
    const width = Math.max(...Object.keys(summary.counts).map((table) => table.length));
    console.info('\nRows per table:');
    for (const [table, count] of Object.entries(summary.counts)) {
      console.info(`  ${table.padEnd(width)}  ${String(count).padStart(8)}`);
    }
    console.info(
      `\nSeeded in ${summary.seconds.toFixed(1)} s. Dataset checksum (SHA-256): ${checksum.sha256}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

function parseArguments(argv: readonly string[]): SeedArguments {
  const args: SeedArguments = { scale: 1, reset: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === '--reset') {
      args.reset = true;
    } else if (arg === '--scale' || arg.startsWith('--scale=')) {
      const raw = arg === '--scale' ? argv[(index += 1)] : arg.slice('--scale='.length);
      if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1) {
        throw new UsageError(
          `--scale needs a whole number ≥ 1, got ${raw === undefined ? 'nothing' : `"${raw}"`}`,
        );
      }
      args.scale = Number(raw);
    } else if (arg === '--help' || arg === '-h') {
      console.info(USAGE);
      process.exit(0);
    } else {
      throw new UsageError(`Unknown argument "${arg}"`);
    }
  }
  return args;
}

/** Opens the database, turning the driver's connection errors into a next step to take. */
async function open(database: DatabaseConfig): Promise<DataSource> {
  try {
    return await openDataSource(database, { entities: ENTITIES });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ER_BAD_DB_ERROR' && database.kind === 'mysql') {
      throw new Error(
        `${describe(database)} does not exist: create it ` +
          `(CREATE DATABASE \`${database.database}\` CHARACTER SET utf8mb4 ` +
          'COLLATE utf8mb4_unicode_ci), then run `npm run migrate`.',
      );
    }
    if (code === 'ECONNREFUSED')
      throw new Error(`Cannot reach ${describe(database)}: is the server running?`);
    throw error;
  }
}

function describe(database: DatabaseConfig): string {
  return database.kind === 'sqlite'
    ? `SQLite database ${database.path}`
    : `database "${database.database}" on ${database.host}:${database.port}`;
}

class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
    this.name = 'UsageError';
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UsageError) {
    console.error(error.message);
  } else {
    console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
});
