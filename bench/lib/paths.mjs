// Where the benchmarks find the built server and write their results: one home for both scripts.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built entry points the benchmarks start (`npm run build` makes them). */
export const PATHS = {
  root: ROOT,
  serverMain: join(ROOT, 'server', 'dist', 'main.js'),
  seedCli: join(ROOT, 'server', 'dist', 'cli', 'seed.cli.js'),
  tokenCli: join(ROOT, 'server', 'dist', 'cli', 'token.cli.js'),
  migrateCli: join(ROOT, 'server', 'dist', 'cli', 'migrate.cli.js'),
};
