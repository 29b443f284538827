// `npm run bench -- [--duration S] [--connections N] [--scale N]… [--warmup S] [--limit-runs N] [--query NAME]…`
//
// The side-by-side benchmark (issue 13). For each scale: seeds a fresh database (a SQLite file
// in a temporary directory, or a database of its own on the MySQL/MariaDB server that
// DATABASE_URL names: lib/bench-database.mjs), starts the built `server/dist/main.js` on a free port, and for each
// named operation of bench/queries/ (reads first, then writes):
// - asks once and refuses an answer with errors;
// - for a read, runs its limit (lib/limit-scenarios.mjs: the minimal SQL in-process on the same
//   database, plus JSON.stringify), checks it byte for byte against the server's `data`, times it;
// - loads the server with autocannon and reads, around the run, its CPU (the server process and
//   its SQLite read workers, from /proc; on a local MySQL/MariaDB, that server's CPU apart) and
//   its statements per request (its /metrics).
// At scale 1 a bare Apollo Server answering `regions` from constants is measured the same way;
// at every scale, each read's floor: a bare Apollo Server with the project's schema answering the
// same operation from constants (the server's own answer), loaded the same way.
// Prints the table, writes BENCHMARKS.md (the previous run kept below) and
// bench/results/latest.json. Exits with 1 when any response was not a clean GraphQL answer or a
// limit's JSON differs from the server's (a benchmark that measures errors looks fast); missed
// budgets are reported, with their figures, but do not fail the run. Builds nothing:
// `npm run bench` builds first.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

import { parseArguments, UsageError } from './lib/arguments.mjs';
import { startBareApollo } from './lib/bare-apollo.mjs';
import {
  benchDatabaseKind,
  createBenchDatabase,
  describeBenchDatabase,
} from './lib/bench-database.mjs';
import { LimitRunner } from './lib/limit-runner.mjs';
import { fetchSample, runLoad } from './lib/load.mjs';
import {
  changeStatusApplied,
  changeStatusRequests,
  writesAvailable,
} from './lib/mutation-requests.mjs';
import { PATHS, ROOT } from './lib/paths.mjs';
import { restingRssMb, treeRssMb } from './lib/process-stats.mjs';
import { loadQueries } from './lib/queries.mjs';
import {
  failuresOf,
  floorProblemsOf,
  gitState,
  judgeBudgets,
  printTables,
  writeBenchmarksMarkdown,
  writeJson,
} from './lib/report.mjs';
import {
  findFreePort,
  issueToken,
  migrate,
  seed,
  startServer,
  stopProcess,
  tail,
  waitForHealth,
} from './lib/server-process.mjs';

const QUERIES_DIR = join(ROOT, 'bench', 'queries');
const RESULTS_FILE = join(ROOT, 'bench', 'results', 'latest.json');
const BENCHMARKS_FILE = join(ROOT, 'BENCHMARKS.md');
const SCHEMA_FILE = join(ROOT, 'schema', 'schema.graphql');

async function main() {
  const options = parseArguments(process.argv.slice(2));
  for (const file of [PATHS.serverMain, PATHS.seedCli, PATHS.tokenCli, PATHS.migrateCli]) {
    if (!existsSync(file))
      throw new Error(`${relative(ROOT, file)} is missing: run \`npm run build\``);
  }
  const queries = loadQueries(QUERIES_DIR, options.queries);
  const session = { children: [], workDirs: [], databases: [] };
  const stopOnSignal = (signal) => {
    console.error(`\n${signal} received: stopping the servers and removing the temporary files.`);
    void cleanUp(session).finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  const runs = [];
  let bare = null;
  try {
    for (const scale of options.scales) {
      const run = await benchmarkScale(
        scale,
        queries,
        options,
        session,
        scale === options.scales[0],
      );
      runs.push(run);
      bare ??= run.bare;
    }
  } finally {
    await cleanUp(session);
  }

  const missed = judgeBudgets(runs, bare);
  printTables(runs, bare);
  const report = {
    date: new Date().toISOString(),
    git: gitState(ROOT),
    database: describeBenchDatabase(),
    databaseKind: benchDatabaseKind(),
    options,
    runs,
    bare,
    missed,
  };
  writeJson(RESULTS_FILE, report);
  await writeBenchmarksMarkdown(BENCHMARKS_FILE, report);
  console.info(
    `[bench] written: ${relative(ROOT, BENCHMARKS_FILE)}, ${relative(ROOT, RESULTS_FILE)}`,
  );
  for (const line of missed) console.warn(`BUDGET ${line}`);
  for (const line of floorProblemsOf(runs)) console.warn(`FLOOR not measured: ${line}`);
  const failures = failuresOf(runs);
  for (const failure of failures) console.error(`FAIL ${failure}`);
  if (failures.length > 0) {
    for (const run of runs) console.error(`\nServer log, scale ${run.scale}:\n${run.logTail}`);
    return 1;
  }
  return 0;
}

async function benchmarkScale(scale, queries, options, session, withBare) {
  const workDir = mkdtempSync(join(tmpdir(), 'polegraph-bench-'));
  session.workDirs.push(workDir);
  const database = await createBenchDatabase({ root: ROOT, workDir, scale });
  session.databases.push(database);
  const databaseUrl = database.url;
  const logFile = join(workDir, 'server.log');
  if (database.needsMigration) await migrate(PATHS, databaseUrl);
  const dataset = await seed(PATHS, databaseUrl, scale);
  // Reads run as a ministry analyst, who sees every confidential field (amounts, partners), so
  // the benchmark measures answers rather than refusals; writes as an administrator.
  const analyst = `Bearer ${await issueToken(PATHS, databaseUrl, ['--role', 'MINISTRY_ANALYST', '--ministry', 'ECO'])}`;
  const admin = queries.some((query) => query.kind === 'mutation')
    ? `Bearer ${await issueToken(PATHS, databaseUrl, ['--role', 'ADMIN'])}`
    : null;
  const port = await findFreePort();
  const server = startServer(PATHS, databaseUrl, port, logFile);
  session.children.push(server);
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}/graphql`;
  const reader = await database.openReader();
  const limits = new LimitRunner(reader, database.dialect);
  const run = { scale, dataset, results: [], rss: null, regions: null, bare: null, logTail: '' };
  /** Each read's answer by operation name: what the floors serve. */
  const answers = {};
  try {
    await waitForHealth(baseUrl, server);
    console.info(
      `[bench] scale ${scale}: server up at ${baseUrl} (pid ${server.pid}); ${options.connections} ` +
        `connections, ${options.warmup} s warm-up + ${options.duration} s per scenario`,
    );
    for (const query of queries) {
      const result = { name: query.name, operationName: query.operationName, problems: [] };
      run.results.push(result);
      process.stdout.write(`[bench] ${query.name}… `);
      if (query.kind === 'query') {
        const headers = { authorization: analyst };
        // The first answer of a cold server is slow: the second one tells how long one takes.
        const sample = await fetchSample(url, query.body, headers).then((first) =>
          first.problem ? first : fetchSample(url, query.body, headers),
        );
        if (sample.problem) {
          result.problems.push(`sample response: ${sample.problem}`);
          console.info('failed');
          continue;
        }
        if (query.name === 'regions') run.regions = sample.data.regions;
        answers[query.operationName] = sample.data;
        if (limits.has(query.name)) {
          result.limit = await limits.measure(query.name, sample.data, options.limitRuns);
          if (result.limit.problem) {
            result.problems.push(result.limit.problem);
            console.info('limit differs');
            continue;
          }
        }
        const load = (extra = {}) =>
          runLoad({
            url,
            pid: server.pid,
            databasePid: database.databasePid,
            baseUrl,
            headers,
            body: query.body,
            options,
            sampleMs: sample.ms,
            ...extra,
          });
        if (query.name === 'regions' && withBare) {
          const paired = await pairedWithBare(load, run.regions, options, session, workDir);
          result.load = paired.load;
          run.bare = paired.bare;
          process.stdout.write(
            `against the bare server ${paired.bare.shares.map((share) => share.toFixed(2)).join(', ')}× ` +
              `its req/s in ${paired.bare.shares.length} alternate rounds; median round: `,
          );
        } else {
          result.load = await load();
        }
      } else {
        const queue = await reader.openProjects();
        const requests = changeStatusRequests(queue, query);
        result.load = await runLoad({
          url,
          pid: server.pid,
          databasePid: database.databasePid,
          baseUrl,
          headers: { authorization: admin },
          body: query.body,
          requests,
          options,
          verifyBody: changeStatusApplied,
          maxRequests: writesAvailable(queue, options.connections),
        });
      }
      result.problems.push(...result.load.problems);
      const cpu = result.load.serverCpuMsPerRequest;
      result.ratio = result.limit && cpu !== null ? cpu / result.limit.p50Ms : null;
      console.info(
        `${Math.round(result.load.requestsPerSecond)} req/s, ${cpu?.toFixed(2) ?? '?'} CPU ms/req` +
          (result.limit ? `, limit ${result.limit.p50Ms.toFixed(3)} ms` : ''),
      );
    }
    run.rss = treeRssMb(server.pid);
    const restingSince = performance.now();
    await measureFloors(run, queries, answers, options, session, workDir);
    run.rssAtRest = await restingRssMb(server.pid, restingSince);
  } finally {
    await reader.close();
    run.logTail = tail(logFile, 20);
    await stopProcess(server);
    await database.drop();
    rmSync(workDir, { recursive: true, force: true });
  }
  return run;
}

/** Rounds of `regions` measured against the bare server, alternately (see pairedWithBare). */
const BARE_ROUNDS = 3;

/**
 * `regions` on the server and on a bare Apollo server answering the same from constants, in
 * alternate rounds (server then bare, bare then server, …) while both are up: measured minutes
 * apart, the two figures drifted with the shared machine (the bare server alone answered 2,606
 * req/s in one run and 6,644 in the next). The share of the bare server's throughput is the
 * median of the rounds' shares; the table shows the round of that median.
 */
async function pairedWithBare(loadServer, regions, options, session, workDir) {
  const { child, url } = await startBareApollo(ROOT, { answers: { '': { regions } }, workDir });
  session.children.push(child);
  try {
    const body = JSON.stringify({ query: '{ regions { code name } }' });
    const sample = await fetchSample(url, body, {});
    if (sample.problem) throw new Error(`the bare Apollo server answered: ${sample.problem}`);
    if (JSON.stringify(sample.data.regions) !== JSON.stringify(regions))
      throw new Error('the bare Apollo server does not answer what the server answers');
    const loadBare = (roundOptions) =>
      runLoad({ url, pid: child.pid, headers: {}, body, options: roundOptions });
    const duration = Math.max(2, Math.ceil(options.duration / 2));
    const rounds = [];
    for (let index = 0; index < BARE_ROUNDS; index += 1) {
      // Each server warms up in its first round only.
      const roundOptions = { ...options, duration, warmup: index === 0 ? options.warmup : 0 };
      const round = {};
      const order = index % 2 === 0 ? ['server', 'bare'] : ['bare', 'server'];
      for (const side of order) {
        round[side] =
          side === 'server'
            ? await loadServer({ options: roundOptions })
            : await loadBare(roundOptions);
      }
      if (round.bare.problems.length > 0)
        throw new Error(`bare Apollo: ${round.bare.problems.join('; ')}`);
      round.share = round.server.requestsPerSecond / round.bare.requestsPerSecond;
      rounds.push(round);
    }
    const median = [...rounds].sort((a, b) => a.share - b.share)[Math.floor(rounds.length / 2)];
    const problems = rounds.flatMap((round) => round.server.problems);
    return {
      load: { ...median.server, problems: [...new Set(problems)] },
      bare: {
        load: median.bare,
        share: median.share,
        shares: rounds.map((round) => round.share),
      },
    };
  } finally {
    await stopProcess(child);
  }
}

/**
 * The floor of each read scenario (but `regions`, paired with its own bare server above): a bare
 * Apollo server with the project's schema answering the same operation from constants, the
 * server's own answer, loaded like the server. What a scenario costs over its floor is ours
 * (authentication, limits, reads, resolvers, the log); no server built on Apollo Server saves
 * what it costs below. A floor that cannot be measured is reported, and fails nothing: it is not
 * the server's answer.
 */
async function measureFloors(run, queries, answers, options, session, workDir) {
  const reads = run.results.filter(
    (result) =>
      result.name !== 'regions' &&
      result.load &&
      result.problems.length === 0 &&
      answers[result.operationName] !== undefined,
  );
  if (reads.length === 0) return;
  const { child, url } = await startBareApollo(ROOT, { answers, schemaFile: SCHEMA_FILE, workDir });
  session.children.push(child);
  try {
    for (const result of reads) {
      process.stdout.write(`[bench] ${result.name}, Apollo floor… `);
      const { body } = queries.find((query) => query.name === result.name);
      const sample = await fetchSample(url, body, {});
      const expected = JSON.stringify(answers[result.operationName]);
      const problem =
        sample.problem ??
        (JSON.stringify(sample.data) === expected ? null : 'it answers other data than the server');
      if (problem) {
        result.floor = { problem };
        console.info(`not measured: ${problem}`);
        continue;
      }
      const load = await runLoad({ url, pid: child.pid, headers: {}, body, options });
      const cpu = load.serverCpuMsPerRequest;
      const failed = load.problems.length > 0;
      // A floor that answered errors under load measured them: it judges nothing.
      result.floor = {
        problem: failed ? load.problems.join('; ') : null,
        requestsPerSecond: load.requestsPerSecond,
        cpuMsPerRequest: failed ? null : cpu,
        ratio: !failed && result.limit && cpu !== null ? cpu / result.limit.p50Ms : null,
      };
      console.info(
        `${Math.round(load.requestsPerSecond)} req/s, ${cpu?.toFixed(2) ?? '?'} CPU ms/req` +
          (result.floor.problem ? ` (${result.floor.problem})` : ''),
      );
    }
  } finally {
    await stopProcess(child);
  }
}

async function cleanUp(session) {
  for (const child of session.children.splice(0)) await stopProcess(child);
  for (const dir of session.workDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const database of session.databases.splice(0)) await database.drop().catch(() => {});
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    console.error(
      error instanceof UsageError ? error.message : `[bench] failed: ${error?.stack ?? error}`,
    );
    process.exit(1);
  },
);
