#!/usr/bin/env node
/**
 * What `npm run token|import|export|seed|migrate` run before their command: the server build,
 * only when it is missing or older than a source. A full `npm run build` (server, playground
 * bundle, SDK) takes minutes; a command-line tool only needs server/dist, and most of the time
 * it is already up to date, so this usually returns at once.
 *
 *   node server/scripts/ensure-build.mjs           build server/dist when stale (messages on stderr)
 *   node server/scripts/ensure-build.mjs --check   exit 1 when stale, build nothing
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = resolve(serverDir, '..');
/** Written last by the build (the playground bundle comes after tsc): its age is the build's. */
const BUILD_OUTPUTS = [
  join(serverDir, 'dist', 'main.js'),
  join(serverDir, 'dist', 'cli', 'token.cli.js'),
];
const SOURCE_INPUTS = [
  join(serverDir, 'src'),
  join(serverDir, 'package.json'),
  join(serverDir, 'tsconfig.build.json'),
  join(rootDir, 'tsconfig.base.json'),
];

/** The newest modification time under `path` (a file or a folder), in ms; 0 when absent. */
function newestModification(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    // The browser bundle's sources do not change what the command-line tools run.
    if (entry === 'client' && path.endsWith(join('http', 'playground'))) continue;
    newest = Math.max(newest, newestModification(join(path, entry)));
  }
  return newest;
}

/** The oldest of the build's outputs, or 0 when one is missing. */
function oldestOutput() {
  let oldest = Infinity;
  for (const file of BUILD_OUTPUTS) {
    try {
      oldest = Math.min(oldest, statSync(file).mtimeMs);
    } catch {
      return 0;
    }
  }
  return oldest;
}

const newestSource = Math.max(...SOURCE_INPUTS.map(newestModification));
const builtAt = oldestOutput();
const stale = builtAt === 0 || newestSource > builtAt;

if (process.argv.includes('--check')) {
  console.error(stale ? 'server/dist is out of date' : 'server/dist is up to date');
  process.exit(stale ? 1 : 0);
}
if (stale) {
  console.error(
    builtAt === 0
      ? 'server/dist is missing: building the server (npm run build -w server)…'
      : 'A source changed since the last build: building the server (npm run build -w server)…',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Its output goes to stderr, so `npm run -s export > out.csv` keeps only the CSV on stdout.
  const result = spawnSync(npm, ['run', '-s', 'build', '-w', 'server'], {
    cwd: rootDir,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
