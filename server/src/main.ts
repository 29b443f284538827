import 'reflect-metadata';

import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { isDatabaseEmpty, seedDatabase } from './seed/seed';

/** Process entry: configuration, first-start seed of the embedded database, listen, clean stop. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  if (config.database.connection.kind === 'sqlite' && (await isDatabaseEmpty(app.dataSource))) {
    console.info(`[seed] ${config.database.connection.path} is new: loading the national dataset…`);
    await seedDatabase(app.dataSource, { log: (line) => console.info(line) });
  }
  const { url } = await app.listen();
  console.info(`PoleGraph serves GraphQL at ${url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`${signal} received: finishing requests, then stopping.`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('PoleGraph could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
