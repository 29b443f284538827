import type { DataSource } from 'typeorm';

import { loadConfig } from '../config/config';
import { openDataSource } from '../database/data-source';
import { closeDataSource } from '../database/transactions';
import { ENTITIES } from '../features';
import { describeMissingTables, missingTables } from '../seed/seed';

/** A mistake of the person running a command: printed as is, exit code 1. */
export class CommandLineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandLineError';
  }
}

/** The database DATABASE_URL names, refused with the next step to take when it has no schema yet. */
export async function openCommandLineDatabase(): Promise<DataSource> {
  const config = loadConfig();
  const dataSource = await openDataSource(config.database.connection, { entities: ENTITIES });
  const missing = await missingTables(dataSource);
  if (missing.length > 0) {
    await closeDataSource(dataSource);
    throw new CommandLineError(
      `${describeMissingTables(dataSource, missing)}: run \`npm run migrate\` first.`,
    );
  }
  return dataSource;
}
