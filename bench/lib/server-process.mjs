// The built server as a child process: a freshly seeded SQLite file, tokens from the project's
// own CLI, a free port, and one stop path.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** Runs a node script to its end; returns its output, or throws with it. */
async function runScript(root, script, args, env, what) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`${what} failed (exit ${code}):\n${output}`);
  return output;
}

/** Creates the schema of a fresh MySQL/MariaDB database with the project's own migrations. */
export async function migrate({ root, migrateCli }, databaseUrl) {
  await runScript(root, migrateCli, [], { DATABASE_URL: databaseUrl }, 'migrating');
}

/** Runs the seed CLI on the fresh database; returns the dataset's scale and checksum. */
export async function seed({ root, seedCli }, databaseUrl, scale) {
  console.info(`[bench] seeding a fresh database at scale ${scale}…`);
  const args = scale === 1 ? [] : ['--scale', String(scale)];
  const output = await runScript(
    root,
    seedCli,
    args,
    { DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    'seeding',
  );
  const summary = /Seeded in ([\d.]+) s\. Dataset checksum \(SHA-256\): (\w+)/.exec(output);
  if (summary) console.info(`[bench] seeded in ${summary[1]} s, dataset checksum ${summary[2]}`);
  return {
    scale,
    seedSeconds: summary ? Number(summary[1]) : null,
    checksum: summary?.[2] ?? null,
  };
}

/** Creates a token with the project's own CLI and returns its secret. */
export async function issueToken({ root, tokenCli }, databaseUrl, roleArgs) {
  const output = await runScript(
    root,
    tokenCli,
    ['create', ...roleArgs, '--name', 'benchmark'],
    { DATABASE_URL: databaseUrl },
    'creating a benchmark token',
  );
  return output.trim().split('\n').at(-1);
}

/** main.js takes no port 0, so we ask the system for a free port and hand it over. */
export async function findFreePort() {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

export function startServer({ root, serverMain }, databaseUrl, port, logFile) {
  const log = openSync(logFile, 'a');
  try {
    // NODE_ENV=production as in the Dockerfile: graphql-js and Express skip their dev checks.
    const env = { ...process.env };
    delete env.METRICS_PORT;
    return spawn(process.execPath, [serverMain], {
      cwd: root,
      env: {
        ...env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        NODE_ENV: 'production',
        // /metrics on the same port: statements per request are read from it.
        METRICS: 'on',
        // One client sends thousands of requests a second here: the per-caller rate limit would
        // measure 429s, so the benchmark gives itself a bucket it cannot empty.
        RATE_LIMIT_POINTS: process.env.RATE_LIMIT_POINTS ?? '1000000000',
        RATE_LIMIT_RESTORE_RATE: process.env.RATE_LIMIT_RESTORE_RATE ?? '1000000000',
        MAX_QUERY_COST: process.env.MAX_QUERY_COST ?? '1000000',
      },
      stdio: ['ignore', log, log],
    });
  } finally {
    closeSync(log);
  }
}

export async function waitForHealth(baseUrl, child) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server stopped before answering /healthz (exit ${child.exitCode ?? child.signalCode})`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`${baseUrl}/healthz did not answer within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM, then SIGKILL after a grace period; only the child we started, by its pid. */
export async function stopProcess(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  process.kill(child.pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS, false)]);
  if (!stopped) {
    console.error(
      `[bench] pid ${child.pid} ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000} s: killed`,
    );
    process.kill(child.pid, 'SIGKILL');
    await exited;
  }
}

/** The last lines of the server's log that are not a request answered `ok`. */
export function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .filter((line) => !line.includes('"outcome":"ok"'))
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no server log)';
  }
}
