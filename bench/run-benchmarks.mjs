// `npm run bench -- [--duration S] [--connections N] [--scale N] [--warmup S] [--query NAME]…`
//
// Measures the built server end to end over HTTP: seeds a fresh SQLite file in a temporary
// directory, starts `server/dist/main.js` on a free port, then loads it with autocannon, one
// named operation of bench/queries/ at a time. Prints a table, writes bench/results/latest.json,
// and exits with 1 when any response was not a clean GraphQL answer: a benchmark that measures
// error responses looks fast. It builds nothing: `npm run bench` builds first.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import autocannon from 'autocannon';
import { Kind, parse } from 'graphql';

const USAGE =
  'Usage: npm run bench -- [--duration S] [--connections N] [--scale N] [--warmup S] ' +
  '[--query NAME]…';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUERIES_DIR = join(ROOT, 'bench', 'queries');
const RESULTS_FILE = join(ROOT, 'bench', 'results', 'latest.json');
const SERVER_MAIN = join(ROOT, 'server', 'dist', 'main.js');
const SEED_CLI = join(ROOT, 'server', 'dist', 'cli', 'seed.cli.js');
const TOKEN_CLI = join(ROOT, 'server', 'dist', 'cli', 'token.cli.js');
const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
/** Linux counts process CPU time in ticks of 1/100 s (`getconf CLK_TCK`). */
const CLOCK_TICK_MS = 10;
/** The server counts as idle when it used at most this share of one core over the window. */
const IDLE_WINDOW_MS = 300;
const IDLE_CPU_SHARE = 0.07;
const IDLE_TIMEOUT_MS = 60_000;

/** Defaults sized for a 2-core machine, where the load generator shares the CPU with the server. */
const DEFAULTS = { duration: 10, connections: 10, scale: 1, warmup: 2, queries: [] };

async function main() {
  const options = parseArguments(process.argv.slice(2));
  for (const file of [SERVER_MAIN, SEED_CLI, TOKEN_CLI]) {
    if (!existsSync(file)) {
      throw new Error(`${relative(ROOT, file)} is missing: run \`npm run build\``);
    }
  }
  const queries = loadQueries(options.queries);
  const workDir = mkdtempSync(join(tmpdir(), 'polegraph-bench-'));
  const session = { workDir, server: undefined, logFile: join(workDir, 'server.log') };
  const stopOnSignal = (signal) => {
    console.error(`\n${signal} received: stopping the server and removing ${workDir}.`);
    void cleanUp(session).finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  try {
    const databaseUrl = `sqlite:${join(workDir, 'bench.sqlite')}`;
    const dataset = await seed(databaseUrl, options.scale);
    // The queries read confidential fields (amounts, partners): they run as a ministry analyst,
    // whose token sees everything, so the benchmark measures answers rather than refusals.
    const authorization = `Bearer ${await issueAnalystToken(databaseUrl)}`;
    const port = await findFreePort();
    session.server = startServer(databaseUrl, port, session.logFile);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, session);
    console.info(
      `[bench] server up at ${baseUrl}; ${options.connections} connections, ` +
        `${options.warmup} s warm-up + ${options.duration} s per query\n`,
    );

    const results = [];
    for (const query of queries) {
      results.push(
        await measure(`${baseUrl}/graphql`, query, options, session.server, authorization),
      );
    }

    printTable(results);
    writeResults({ options, dataset, results });
    const failures = results.filter((result) => result.problems.length > 0);
    for (const failure of failures) {
      console.error(`FAIL ${failure.query}: ${failure.problems.join('; ')}`);
    }
    if (failures.length > 0) {
      console.error(`\nServer log (last lines):\n${tail(session.logFile, 20)}`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (session.server) console.error(`Server log (last lines):\n${tail(session.logFile, 30)}`);
    throw error;
  } finally {
    await cleanUp(session);
  }
}

function parseArguments(argv) {
  const options = { ...DEFAULTS, queries: [] };
  const minimums = { duration: 1, connections: 1, scale: 1, warmup: 0 };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--help' || arg === '-h') {
      console.info(USAGE);
      process.exit(0);
    }
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    if (!match || !(name in minimums || name === 'query')) {
      throw new UsageError(`Unknown argument "${arg}"`);
    }
    const raw = match[2] ?? argv[(index += 1)];
    if (raw === undefined) throw new UsageError(`--${name} needs a value`);
    if (name === 'query') {
      options.queries.push(raw.replace(/\.graphql$/, ''));
    } else if (!/^\d+$/.test(raw) || Number(raw) < minimums[name]) {
      throw new UsageError(`--${name} needs a whole number ≥ ${minimums[name]}, got "${raw}"`);
    } else {
      options[name] = Number(raw);
    }
  }
  return options;
}

/** Reads bench/queries/*.graphql: each file holds exactly one named operation. */
function loadQueries(only) {
  const files = readdirSync(QUERIES_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  const names = files.map((file) => basename(file, '.graphql'));
  const unknown = only.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`No query named ${unknown.join(', ')}; there are: ${names.join(', ')}`);
  }
  return files
    .filter((file) => only.length === 0 || only.includes(basename(file, '.graphql')))
    .map((file) => {
      const text = readFileSync(join(QUERIES_DIR, file), 'utf8');
      const operations = parse(text).definitions.filter(
        (definition) => definition.kind === Kind.OPERATION_DEFINITION,
      );
      if (operations.length !== 1 || !operations[0].name) {
        throw new Error(`bench/queries/${file} must hold exactly one named operation`);
      }
      const operationName = operations[0].name.value;
      return {
        name: basename(file, '.graphql'),
        operationName,
        body: JSON.stringify({ query: text, operationName }),
      };
    });
}

/** Runs the seed CLI on the fresh file; returns the dataset's scale and checksum. */
async function seed(databaseUrl, scale) {
  console.info(`[bench] seeding a fresh SQLite database at scale ${scale}…`);
  const args = scale === 1 ? [] : ['--scale', String(scale)];
  const child = spawn(process.execPath, [SEED_CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`seeding failed (exit ${code}):\n${output}`);
  const summary = /Seeded in ([\d.]+) s\. Dataset checksum \(SHA-256\): (\w+)/.exec(output);
  if (summary) console.info(`[bench] seeded in ${summary[1]} s, dataset checksum ${summary[2]}`);
  return {
    scale,
    seedSeconds: summary ? Number(summary[1]) : null,
    checksum: summary?.[2] ?? null,
  };
}

/** Creates a MINISTRY_ANALYST token with the project's own CLI and returns its secret. */
async function issueAnalystToken(databaseUrl) {
  const child = spawn(
    process.execPath,
    [TOKEN_CLI, 'create', '--role', 'MINISTRY_ANALYST', '--ministry', 'ECO', '--name', 'benchmark'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`creating the benchmark token failed (exit ${code}):\n${output}`);
  return output.trim().split('\n').at(-1);
}

/** main.js takes no port 0, so we ask the system for a free port and hand it over. */
async function findFreePort() {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}

function startServer(databaseUrl, port, logFile) {
  const log = openSync(logFile, 'a');
  try {
    // NODE_ENV=production as in the Dockerfile: graphql-js and Express skip their dev checks.
    return spawn(process.execPath, [SERVER_MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        NODE_ENV: 'production',
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

async function waitForHealth(baseUrl, session) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (session.server.exitCode !== null || session.server.signalCode !== null) {
      const exit = session.server.exitCode ?? session.server.signalCode;
      throw new Error(`the server stopped before answering /healthz (exit ${exit})`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(
    `the server did not answer ${baseUrl}/healthz within ${HEALTH_TIMEOUT_MS / 1000} s`,
  );
}

/** One sample request, a warm-up, then the measured run. */
async function measure(url, query, options, server, authorization) {
  const sample = await fetchSample(url, query, authorization);
  const base = { query: query.name, operationName: query.operationName, sample };
  if (sample.problem) {
    // Loading a query that fails measures the error path, not the query.
    return { ...base, problems: [`sample response: ${sample.problem}`] };
  }
  process.stdout.write(`[bench] ${query.name}… `);
  const load = {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: query.body,
    connections: options.connections,
    // A GraphQL error comes back with status 200: count those answers as mismatches. A data key
    // cannot match, as quotes inside JSON strings are escaped.
    verifyBody: (body) => !body.includes('"errors":'),
  };
  if (options.warmup > 0) {
    await autocannon({ ...load, duration: options.warmup });
    await waitUntilIdle(server);
  }
  const cpuBefore = serverCpuMs(server);
  const run = await autocannon({ ...load, duration: options.duration });
  // autocannon drops the requests in flight when time is up, but the server still answers
  // them: let it finish, so that their cost is counted here and not in the next query.
  await waitUntilIdle(server);
  const cpuAfter = serverCpuMs(server);
  const completed = run.requests.total;
  const result = {
    ...base,
    requestsPerSecond: { average: run.requests.average, stddev: run.requests.stddev },
    latencyMs: {
      p50: run.latency.p50,
      p99: run.latency.p99,
      average: run.latency.average,
      max: run.latency.max,
    },
    bytesPerResponse: completed > 0 ? Math.round(run.throughput.total / completed) : 0,
    requests: { completed, sent: run.requests.sent },
    // Server CPU per request sent, including the dropped ones it still answered: a figure the
    // load generator, which shares the machine, does not blur. Null where /proc is missing.
    serverCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || run.requests.sent === 0
        ? null
        : round((cpuAfter - cpuBefore) / run.requests.sent, 2),
    non2xx: run.non2xx,
    errors: run.errors,
    timeouts: run.timeouts,
    graphqlErrors: run.mismatches,
    problems: [],
  };
  if (completed === 0) result.problems.push('no request completed');
  if (run.non2xx > 0) result.problems.push(`${run.non2xx} non-2xx responses`);
  if (run.errors > 0) result.problems.push(`${run.errors} errors (${run.timeouts} timeouts)`);
  if (run.mismatches > 0) result.problems.push(`${run.mismatches} answers with GraphQL errors`);
  console.info(`${Math.round(run.requests.average)} req/s`);
  return result;
}

/** CPU time (user + system) the server process has used, in ms; null off Linux. */
function serverCpuMs(server) {
  try {
    const stat = readFileSync(`/proc/${server.pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    return null;
  }
}

/** Waits until the server uses (almost) no CPU, or a fixed pause where its CPU cannot be read. */
async function waitUntilIdle(server) {
  const deadline = Date.now() + IDLE_TIMEOUT_MS;
  let previous = serverCpuMs(server);
  if (previous === null) return sleep(2_000);
  while (Date.now() < deadline) {
    await sleep(IDLE_WINDOW_MS);
    const current = serverCpuMs(server);
    if (current - previous <= IDLE_WINDOW_MS * IDLE_CPU_SHARE) return;
    previous = current;
  }
  console.warn(`\n[bench] the server stayed busy for ${IDLE_TIMEOUT_MS / 1000} s; going on`);
}

function round(value, digits) {
  return Number(value.toFixed(digits));
}

async function fetchSample(url, query, authorization) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: query.body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const sample = { status: response.status, bodyBytes: Buffer.byteLength(text), problem: null };
  let answer;
  try {
    answer = JSON.parse(text);
  } catch {
    sample.problem = `HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`;
    return sample;
  }
  if (answer.errors) {
    const messages = answer.errors.map((error) => {
      const code = error.extensions?.code ? ` [${error.extensions.code}]` : '';
      const path = error.path ? ` at ${error.path.join('.')}` : '';
      return `${error.message}${code}${path}`;
    });
    const more = messages.length > 3 ? ` | … ${messages.length - 3} more` : '';
    sample.problem = `HTTP ${response.status}, errors: ${messages.slice(0, 3).join(' | ')}${more}`;
  } else if (response.status !== 200 || !answer.data) {
    sample.problem = `HTTP ${response.status} without data`;
  }
  return sample;
}

function printTable(results) {
  const headers = [
    'query',
    'req/s',
    'p50 ms',
    'p99 ms',
    'bytes/resp',
    'requests',
    'cpu ms/req',
    'non2xx',
    'errors',
    'gql errors',
  ];
  const rows = results.map((result) =>
    result.requestsPerSecond
      ? [
          result.query,
          result.requestsPerSecond.average.toFixed(1),
          String(result.latencyMs.p50),
          String(result.latencyMs.p99),
          String(result.bytesPerResponse),
          String(result.requests.completed),
          result.serverCpuMsPerRequest === null ? '–' : result.serverCpuMsPerRequest.toFixed(2),
          String(result.non2xx),
          String(result.errors),
          String(result.graphqlErrors),
        ]
      : [result.query, 'sample failed', ...headers.slice(2).map(() => '')],
  );
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();
  console.info(`\n${line(headers)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  for (const row of rows) console.info(line(row));
  console.info('');
}

function writeResults({ options, dataset, results }) {
  const report = {
    date: new Date().toISOString(),
    git: gitState(),
    machine: { node: process.version, platform: process.platform, cpus: cpus().length },
    options: {
      duration: options.duration,
      warmup: options.warmup,
      connections: options.connections,
    },
    dataset,
    results,
  };
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.info(`[bench] results written to ${relative(ROOT, RESULTS_FILE)}`);
}

/** Which code was measured: the commit, and whether the working tree had changes. */
function gitState() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain') !== '' };
  } catch {
    return null;
  }
}

async function cleanUp(session) {
  const server = session.server;
  session.server = undefined;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = once(server, 'exit');
    process.kill(server.pid, 'SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS, false)]);
    if (!stopped) {
      console.error(`[bench] the server ignored SIGTERM for ${STOP_TIMEOUT_MS / 1000} s: killed`);
      process.kill(server.pid, 'SIGKILL');
      await exited;
    }
  }
  rmSync(session.workDir, { recursive: true, force: true });
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

class UsageError extends Error {
  constructor(message) {
    super(`${message}\n${USAGE}`);
    this.name = 'UsageError';
  }
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    console.error(
      error instanceof UsageError ? error.message : `[bench] failed: ${error?.message ?? error}`,
    );
    process.exit(1);
  },
);
