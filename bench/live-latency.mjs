// `npm run bench:live -- [--idle N] [--changes N]`
//
// The live-updates benchmark (issue 16): seeds a fresh SQLite file, starts the built server,
// connects N idle subscriptions (`projectStatusChanged` with a filter that matches nothing, so
// every event is still checked against each of them) plus one subscriber that receives every
// status change, then commits `changeProjectStatus` on different projects one after another and
// times, for each, the send of the mutation → the event at the subscriber (an upper bound of
// commit → event: it includes the mutation's own execution) beside the mutation's own round
// trip. Reports p50/p99 and the server's memory (its process tree's RSS) before and after the
// subscriptions connected. Writes bench/results/live-latency.json. Builds nothing:
// `npm run bench:live` builds first.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { createBenchDatabase } from './lib/bench-database.mjs';
import { NEXT_STATUS } from './lib/mutation-requests.mjs';
import { PATHS, ROOT } from './lib/paths.mjs';
import { treeRssMb } from './lib/process-stats.mjs';
import {
  findFreePort,
  issueToken,
  seed,
  startServer,
  stopProcess,
  tail,
  waitForHealth,
} from './lib/server-process.mjs';

const RESULTS_FILE = join(ROOT, 'bench', 'results', 'live-latency.json');
const SUBSCRIPTIONS_PER_CONNECTION = 20;

const serverRequire = createRequire(join(ROOT, 'server', 'package.json'));
const { createClient } = serverRequire('graphql-ws');
const WebSocket = serverRequire('ws');

const STATUS_CHANGES = `subscription BenchStatusChanges($filter: ProjectFilter) {
  projectStatusChanged(filter: $filter) { project { id status } statusChange { toStatus } }
}`;
const CHANGE_STATUS = readFileSync(
  join(ROOT, 'bench', 'queries', 'change-project-status.graphql'),
  'utf8',
);

function parseArguments(argv) {
  const options = { idle: 1000, changes: 200 };
  for (let index = 0; index < argv.length; index += 2) {
    const [name, value] = [argv[index], Number(argv[index + 1])];
    if (name === '--idle' && Number.isInteger(value) && value >= 0) options.idle = value;
    else if (name === '--changes' && Number.isInteger(value) && value > 0) options.changes = value;
    else throw new Error('Usage: npm run bench:live -- [--idle N] [--changes N]');
  }
  return options;
}

function percentile(sorted, share) {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

/** Starts a subscription; its errors stop the benchmark. */
function subscribe(client, variables, onEvent, fail) {
  client.subscribe(
    { query: STATUS_CHANGES, variables },
    {
      next: (message) =>
        message.errors
          ? fail(new Error(JSON.stringify(message.errors)))
          : onEvent(message.data.projectStatusChanged),
      error: (error) => fail(error instanceof Error ? error : new Error(String(error))),
      complete: () => undefined,
    },
  );
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), 'polegraph-live-bench-'));
  // SQLite whatever DATABASE_URL says: the live path is the same on every database.
  const database = await createBenchDatabase({ root: ROOT, workDir, scale: 1, env: {} });
  const databaseUrl = database.url;
  const logFile = join(workDir, 'server.log');
  const clients = [];
  let server;
  try {
    await seed(PATHS, databaseUrl, 1);
    const authorization = `Bearer ${await issueToken(PATHS, databaseUrl, ['--role', 'ADMIN'])}`;
    const port = await findFreePort();
    const connections = Math.ceil(options.idle / SUBSCRIPTIONS_PER_CONNECTION) + 1;
    process.env.LIVE_MAX_CONNECTIONS_PER_TOKEN = String(connections + 1);
    process.env.LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION = String(SUBSCRIPTIONS_PER_CONNECTION);
    server = startServer(PATHS, databaseUrl, port, logFile);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, server);
    await sleep(1000);
    const rssBefore = treeRssMb(server.pid);

    let failure = null;
    const fail = (error) => (failure ??= error);
    const connect = async () => {
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization },
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: fail,
      });
      clients.push(client);
      await new Promise((resolve) => client.on('connected', resolve));
      return client;
    };
    // The idle subscriptions: checked against every event, matched by none.
    const idleFilter = { acronym: { eq: 'NO-SUCH-PROJECT' } };
    for (let made = 0; made < options.idle;) {
      const client = await connect();
      const here = Math.min(SUBSCRIPTIONS_PER_CONNECTION, options.idle - made);
      for (let index = 0; index < here; index += 1) {
        subscribe(client, { filter: idleFilter }, () => {}, fail);
      }
      made += here;
    }
    const arrivals = new Map();
    subscribe(
      await connect(),
      {},
      (event) => arrivals.get(event.project.id)?.(performance.now()),
      fail,
    );
    // The server registers subscriptions as their messages arrive: give it time to take them all.
    await sleep(2000);
    if (failure) throw failure;
    const rssAfter = treeRssMb(server.pid);

    const reader = await database.openReader();
    const queue = await reader.openProjects();
    await reader.close();
    if (queue.length < options.changes) throw new Error(`only ${queue.length} open projects`);
    const toEvent = [];
    const roundTrip = [];
    for (const project of queue.slice(0, options.changes)) {
      const id = Buffer.from(`Project:${project.id}`, 'utf8').toString('base64url');
      const arrived = new Promise((resolve) => arrivals.set(id, resolve));
      const sent = performance.now();
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({
          query: CHANGE_STATUS,
          variables: { id, to: NEXT_STATUS[project.status], expectedVersion: project.version },
        }),
      });
      const body = await response.json();
      const answered = performance.now();
      if (body.errors || body.data.changeProjectStatus.userErrors.length > 0) {
        throw new Error(`changeProjectStatus failed: ${JSON.stringify(body)}`);
      }
      const at = await Promise.race([arrived, sleep(5000).then(() => null)]);
      if (failure) throw failure;
      if (at === null) throw new Error(`no event for ${id} within 5 s`);
      toEvent.push(at - sent);
      roundTrip.push(answered - sent);
      arrivals.delete(id);
    }
    toEvent.sort((a, b) => a - b);
    roundTrip.sort((a, b) => a - b);
    const result = {
      date: new Date().toISOString(),
      idleSubscriptions: options.idle,
      connections,
      changes: options.changes,
      sendToEventMs: { p50: percentile(toEvent, 0.5), p99: percentile(toEvent, 0.99) },
      mutationRoundTripMs: { p50: percentile(roundTrip, 0.5), p99: percentile(roundTrip, 0.99) },
      // The server process itself (its SQLite read workers hold no subscription).
      rssMb: {
        before: rssBefore.main,
        withSubscriptions: rssAfter.main,
        delta: rssAfter.main - rssBefore.main,
      },
    };
    const round = (value) => Math.round(value * 10) / 10;
    console.info(
      `[bench:live] ${options.idle} idle subscriptions on ${connections} connections, ` +
        `${options.changes} status changes\n` +
        `  send → event       p50 ${round(result.sendToEventMs.p50)} ms, p99 ${round(result.sendToEventMs.p99)} ms\n` +
        `  mutation round trip p50 ${round(result.mutationRoundTripMs.p50)} ms, p99 ${round(result.mutationRoundTripMs.p99)} ms\n` +
        `  server RSS ${result.rssMb.before} MB → ${result.rssMb.withSubscriptions} MB with the subscriptions (+${result.rssMb.delta} MB)`,
    );
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    console.error(`[bench:live] ${error instanceof Error ? error.message : error}`);
    if (server) console.error(tail(logFile, 20));
    process.exitCode = 1;
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    if (server) await stopProcess(server);
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
