import 'reflect-metadata';

import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { boundHeapGrowth } from './heap-growth';
import { isDatabaseEmpty, seedDatabase } from './seed/seed';

/** Process entry: configuration, first-start seed of the embedded database, listen, clean stop. */
async function main(): Promise<void> {
  const config = loadConfig();
  boundHeapGrowth(config.process.heapGrowthPercent);
  const app = await createApp(config);
  const { logger } = app;
  // Registered before anything slow, so a signal during the seed still stops cleanly.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${signal} received: finishing accepted requests, then stopping`);
    app.close().then(
      () => {
        logger.info('stopped');
        logger.flush?.();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'the stop failed');
        logger.flush?.();
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  if (config.database.connection.kind === 'sqlite' && (await isDatabaseEmpty(app.dataSource))) {
    logger.info(`${config.database.connection.path} is new: loading the national dataset…`);
    await seedDatabase(app.dataSource, { log: (line) => logger.info(line) });
  }
  if (stopping) return;
  const { url } = await app.listen();
  logger.info({ url }, `PoleGraph serves GraphQL at ${url}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('PoleGraph could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
