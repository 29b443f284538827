// One scenario under load with autocannon, against the server or the bare Apollo server, with
// the server's CPU, statements and memory read around the measured run.
import { performance } from 'node:perf_hooks';

import autocannon from 'autocannon';

import { treeCpuMs, waitUntilIdle } from './process-stats.mjs';

/**
 * Statements sent per GraphQL request, from the server's own histogram
 * (`polegraph_sql_statements_per_request`, observability/metrics.ts): sum and count now.
 */
export async function statementCounter(baseUrl) {
  try {
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    const read = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    const sum = read('polegraph_sql_statements_per_request_sum');
    const count = read('polegraph_sql_statements_per_request_count');
    return Number.isNaN(sum) || Number.isNaN(count) ? null : { sum, count };
  } catch {
    return null;
  }
}

const perRequest = (before, after, requests) =>
  before === null || after === null || requests === 0 ? null : (after - before) / requests;

/** A GraphQL answer with errors comes back with status 200: it is refused here. */
export async function fetchSample(url, body, headers) {
  const start = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  const sample = {
    status: response.status,
    bodyBytes: Buffer.byteLength(text),
    ms: performance.now() - start,
    problem: null,
  };
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
  sample.data = answer.data;
  return sample;
}

/**
 * The measured run: warm-up, wait until the server is idle, run, wait until it has answered
 * what was in flight, then read its CPU. `requests` (optional) varies the body per request.
 */
export async function runLoad({
  url,
  pid,
  databasePid = null,
  baseUrl,
  headers,
  body,
  requests,
  options,
  verifyBody,
  sampleMs = 0,
  maxRequests = Infinity,
}) {
  // A scenario so slow that a timed run would hardly complete a request per connection runs a
  // fixed number of requests instead (two per connection), however long they take.
  const slow = sampleMs * 5 > options.duration * 1000;
  const length = slow
    ? { amount: options.connections * 2, timeout: 300 }
    : { duration: options.duration };
  const load = {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    requests,
    connections: options.connections,
    // A GraphQL error comes back with status 200: count those answers as mismatches. A data key
    // cannot match, as quotes inside JSON strings are escaped.
    verifyBody: verifyBody ?? ((text) => !text.includes('"errors":')),
  };
  // A scenario with a finite supply of requests (the writes the open projects allow) spends a
  // fifth of it at most on the warm-up and stops the measured run, if time does not, when the
  // rest is spent (autocannon's maxOverallRequests: whichever comes first).
  const bounded = (share) =>
    Number.isFinite(maxRequests) ? { maxOverallRequests: Math.floor(share) } : {};
  let warmupSent = 0;
  if (options.warmup > 0) {
    const warmup = await autocannon(
      slow
        ? { ...load, amount: options.connections }
        : { ...load, duration: options.warmup, ...bounded(maxRequests / 5) },
    );
    warmupSent = warmup.requests.sent;
    await waitUntilIdle(pid);
  }
  if (maxRequests - warmupSent < options.connections) {
    throw new Error(`only ${maxRequests - warmupSent} requests left for the measured run`);
  }
  const statementsBefore = baseUrl ? await statementCounter(baseUrl) : null;
  const cpuBefore = treeCpuMs(pid);
  const databaseCpuBefore = databasePid ? treeCpuMs(databasePid) : null;
  // Each answer's time as autocannon measures it (hrtime, fractions of a ms): its own
  // percentiles are whole milliseconds, a step of 20–25 % for a page answered in 4–5 ms, too
  // coarse for the 1.2× scale budget.
  const latencies = [];
  const instance = autocannon({ ...load, ...length, ...bounded(maxRequests - warmupSent) });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const run = await instance;
  // autocannon drops the requests in flight when time is up, but the server still answers
  // them: let it finish, so that their cost is counted here and not in the next scenario.
  await waitUntilIdle(pid);
  const cpuAfter = treeCpuMs(pid);
  const databaseCpuAfter = databasePid ? treeCpuMs(databasePid) : null;
  const statementsAfter = baseUrl ? await statementCounter(baseUrl) : null;
  const completed = run.requests.total;
  const problems = [];
  if (completed === 0) problems.push('no request completed');
  if (run.non2xx > 0) problems.push(`${run.non2xx} non-2xx responses`);
  if (run.errors > 0) problems.push(`${run.errors} errors (${run.timeouts} timeouts)`);
  if (run.mismatches > 0) problems.push(`${run.mismatches} answers with GraphQL errors`);
  const requestsCounted =
    statementsAfter && statementsBefore ? statementsAfter.count - statementsBefore.count : 0;
  return {
    requestsPerSecond: run.requests.average,
    latencyMs: {
      p50: percentile(latencies, 0.5) ?? run.latency.p50,
      p99: percentile(latencies, 0.99) ?? run.latency.p99,
      average: run.latency.average,
    },
    bytesPerResponse: completed > 0 ? Math.round(run.throughput.total / completed) : 0,
    requests: { completed, sent: run.requests.sent },
    // CPU per request sent, including the dropped ones it still answered: a figure the load
    // generator, which shares the machine, does not blur.
    serverCpuMsPerRequest: perRequest(cpuBefore, cpuAfter, run.requests.sent),
    // A MySQL/MariaDB server on this machine: its CPU for the same requests, counted apart.
    databaseCpuMsPerRequest: perRequest(databaseCpuBefore, databaseCpuAfter, run.requests.sent),
    statementsPerRequest:
      requestsCounted > 0 ? (statementsAfter.sum - statementsBefore.sum) / requestsCounted : null,
    non2xx: run.non2xx,
    errors: run.errors,
    graphqlErrors: run.mismatches,
    problems,
  };
}

/** The `share` percentile of `values` (nearest rank), or null when there are none. */
function percentile(values, share) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}
