// The side-by-side table: printed, written to BENCHMARKS.md (the previous run kept below it)
// and to bench/results/latest.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';

import * as prettier from 'prettier';

/** Read scenarios whose server CPU per request must stay within this many times their limit. */
export const CPU_BUDGET_RATIO = 3;
/** `regions` must reach this share of the bare Apollo server's throughput. */
export const BARE_THROUGHPUT_SHARE = 0.6;
/** Resident memory of the server (with its read workers) after the run at scale 1. */
export const RSS_BUDGET_MB = 300;
/** Paginated scenarios at the largest scale keep their p50 within this factor of scale 1. */
export const SCALE_P50_FACTOR = 1.2;
/** Scenarios whose answer is one page whatever the scale. */
const PAGINATED = new Set([
  'pole-detail',
  'pole-directory',
  'regional-funded-projects',
  'european-projects-page',
  'member-search',
]);

const START = '<!-- bench:latest -->';
const END = '<!-- /bench:latest -->';
const PREVIOUS = '## Previous run';
/** A MySQL/MariaDB run has a section of its own, after the SQLite one, replaced by the next. */
const MYSQL_START = '<!-- bench:mysql -->';
const MYSQL_END = '<!-- /bench:mysql -->';

const fixed = (value, digits) =>
  value === null || value === undefined ? '–' : value.toFixed(digits);

/** Fills `result.budget` (text) and returns the budgets missed, as sentences. */
export function judgeBudgets(runs, bare) {
  const missed = [];
  for (const run of runs) {
    for (const result of run.results) {
      if (!result.load) continue;
      if (result.problems.length > 0) {
        // Its figures measure failures: judged by nothing but the failure itself.
        result.budget = 'failed';
        continue;
      }
      if (result.name === 'regions') {
        if (bare && run.scale === 1) {
          const share = bare.share;
          result.bareShare = share;
          result.budget = share >= BARE_THROUGHPUT_SHARE ? 'ok' : `✗ ${fixed(share, 2)}× bare`;
          if (share < BARE_THROUGHPUT_SHARE)
            missed.push(
              `regions at ${fixed(share, 2)}× the bare server's req/s (budget ≥ ${BARE_THROUGHPUT_SHARE}×)`,
            );
        }
      } else if (result.ratio !== undefined && result.ratio !== null) {
        const ok = result.ratio <= CPU_BUDGET_RATIO;
        const floor = result.floor?.ratio;
        result.budget = ok
          ? 'ok'
          : `✗ > ${CPU_BUDGET_RATIO}×` + (floor == null ? '' : ` (floor ${fixed(floor, 1)}×)`);
        if (!ok)
          missed.push(
            `${result.name} (scale ${run.scale}): CPU ${fixed(result.ratio, 1)}× its limit (budget ≤ ${CPU_BUDGET_RATIO}×)` +
              floorText(floor),
          );
      }
    }
    if (run.scale === 1 && run.rss && run.rss.tree > RSS_BUDGET_MB) {
      missed.push(`RSS ${run.rss.tree} MB after the run at scale 1 (budget < ${RSS_BUDGET_MB} MB)`);
    }
  }
  const first = runs.find((run) => run.scale === 1);
  const last = runs.at(-1);
  if (first && last && last !== first) {
    for (const result of last.results) {
      const base = first.results.find((other) => other.name === result.name);
      if (!PAGINATED.has(result.name) || !base?.load || !result.load) continue;
      const factor = result.load.latencyMs.p50 / Math.max(base.load.latencyMs.p50, 1);
      result.scaleFactor = factor;
      if (factor > SCALE_P50_FACTOR)
        missed.push(
          `${result.name}: p50 ${fixed(factor, 2)}× scale 1 at scale ${last.scale} (budget ≤ ${SCALE_P50_FACTOR}×)`,
        );
    }
  }
  return missed;
}

/**
 * What the floor says of a missed budget. A server on Apollo Server that reads its answer on
 * each request spends at least its floor (Apollo answering the same from constants) plus the
 * limit's own work (the same reads and a JSON.stringify, which the floor also counts: generous by
 * one stringify): when those two alone pass the budget, no such server can meet it.
 */
function floorText(floor) {
  if (floor == null) return '';
  const alone = `Apollo Server alone, answering the same from constants, costs ${fixed(floor, 1)}× the limit`;
  return floor + 1 > CPU_BUDGET_RATIO
    ? `; out of reach on Apollo Server: ${alone}, before the limit's own 1×`
    : `; within reach: ${alone}`;
}

/** A MySQL/MariaDB run on this machine adds its database server's CPU per request. */
const withDatabaseCpu = (runs) =>
  runs.some((run) => run.results.some((result) => result.load?.databaseCpuMsPerRequest != null));

function headersOf(runs) {
  return withDatabaseCpu(runs)
    ? [...HEADERS.slice(0, 6), 'database CPU ms/req', ...HEADERS.slice(6)]
    : HEADERS;
}

function tableRows(run, bare, databaseColumn) {
  const optional = (cell) => (databaseColumn ? [cell] : []);
  const rows = run.results.map((result) => {
    const load = result.load;
    if (!load) return [result.name, 'failed', ...Array(databaseColumn ? 11 : 10).fill('')];
    const floor = result.floor;
    return [
      result.name,
      fixed(load.requestsPerSecond, 0),
      latencyText(load.latencyMs.p50),
      latencyText(load.latencyMs.p99),
      String(load.bytesPerResponse),
      fixed(load.serverCpuMsPerRequest, 2),
      ...optional(fixed(load.databaseCpuMsPerRequest, 2)),
      fixed(result.limit?.p50Ms, 3),
      result.ratio === null || result.ratio === undefined ? '–' : `${fixed(result.ratio, 1)}×`,
      floor?.cpuMsPerRequest == null ? '–' : fixed(floor.cpuMsPerRequest, 2),
      floor?.ratio == null ? '–' : `${fixed(floor.ratio, 1)}×`,
      fixed(load.statementsPerRequest, 1),
      result.budget ?? '–',
    ];
  });
  if (bare?.load && run.scale === 1) {
    rows.push([
      'bare Apollo `regions` (constants)',
      fixed(bare.load.requestsPerSecond, 0),
      latencyText(bare.load.latencyMs.p50),
      latencyText(bare.load.latencyMs.p99),
      String(bare.load.bytesPerResponse),
      fixed(bare.load.serverCpuMsPerRequest, 2),
      ...optional('–'),
      '–',
      '–',
      '–',
      '–',
      '0',
      '–',
    ]);
  }
  return rows;
}

const HEADERS = [
  'scenario',
  'req/s',
  'p50 ms',
  'p99 ms',
  'bytes',
  'server CPU ms/req',
  'limit p50 ms',
  'CPU ÷ limit',
  'Apollo floor ms/req',
  'floor ÷ limit',
  'statements/req',
  'budget',
];

export function printTables(runs, bare) {
  const headers = headersOf(runs);
  for (const run of runs) {
    const rows = tableRows(run, bare, headers !== HEADERS);
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
    console.info(
      `\nscale ${run.scale}${run.rss ? `; ${rssText(run)}` : ''}\n${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`,
    );
    for (const row of rows) console.info(line(row));
  }
  console.info('');
}

/**
 * The tree's memory right after the run (what the budget is checked against: the heap V8 grew
 * to under load) and at rest, 30 s later (what V8's memory reducer gave back, if it ran); PSS
 * counts the pages the processes share once.
 */
function rssText(run) {
  const part = (rss) =>
    `${rss.main} MB main` +
    (rss.processes > 1 ? `, ${rss.tree} MB with ${rss.processes - 1} SQLite read workers` : '') +
    (rss.treePss == null ? '' : ` (PSS ${rss.treePss} MB)`);
  const rest = run.rssAtRest
    ? `; at rest ${run.rssAtRest.restedS ?? 30} s later: ${part(run.rssAtRest)}`
    : '';
  return `RSS right after the run: ${part(run.rss)}${rest}`;
}

function markdownTables(runs, bare) {
  const headers = headersOf(runs);
  const parts = [];
  for (const run of runs) {
    const rss = run.rss ? ` ${rssText(run)}.` : '';
    parts.push(
      `**Scale ${run.scale}** (${run.dataset.seedSeconds ?? '?'} s to seed, checksum \`${(run.dataset.checksum ?? '?').slice(0, 12)}\`).${rss}\n`,
    );
    parts.push(`| ${headers.join(' | ')} |`);
    parts.push(`|${headers.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`);
    for (const row of tableRows(run, bare, headers !== HEADERS))
      parts.push(`| ${row.join(' | ')} |`);
    parts.push('');
  }
  if (runs.length > 1) {
    const first = runs[0];
    const scales = runs.map((run) => run.scale);
    parts.push(`**Side by side** (p50 ms and CPU ÷ limit at scales ${scales.join(' / ')})\n`);
    parts.push(
      `| scenario | ${scales.map((scale) => `p50 ×${scale} | CPU÷limit ×${scale}`).join(' | ')} |`,
    );
    parts.push(`|---|${scales.map(() => '---:|---:').join('|')}|`);
    for (const result of first.results) {
      const cells = runs.map((run) => {
        const same = run.results.find((other) => other.name === result.name);
        return `${same?.load ? latencyText(same.load.latencyMs.p50) : '–'} | ${same?.ratio ? `${fixed(same.ratio, 1)}×` : '–'}`;
      });
      parts.push(`| ${result.name} | ${cells.join(' | ')} |`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

/** Floors that could not be measured (they judge nothing), as sentences. */
export function floorProblemsOf(runs) {
  return runs.flatMap((run) =>
    run.results
      .filter((result) => result.floor?.problem)
      .map((result) => `scale ${run.scale} ${result.name}: ${result.floor.problem}`),
  );
}

/** Scenarios whose answers were not clean, as sentences. */
export function failuresOf(runs) {
  return runs.flatMap((run) =>
    run.results
      .filter((result) => result.problems.length > 0)
      .map((result) => `scale ${run.scale} ${result.name}: ${result.problems.join('; ')}`),
  );
}

export async function writeBenchmarksMarkdown(file, report) {
  const { date, git, database, databaseKind, options, runs, bare, missed } = report;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const mysql = databaseKind === 'mysql';
  const block = [
    mysql ? MYSQL_START : START,
    mysql ? `## Latest run on MySQL/MariaDB: ${date}` : `## Latest run: ${date}`,
    '',
    `- Machine: ${machine}; load average at the end ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' / ')} ` + '(shared machine: absolute figures drift between runs, ratios hold).',
    `- Commit: \`${git?.commit?.slice(0, 12) ?? '?'}\`${git?.dirty ? ' (with uncommitted changes)' : ''}; database: ${database}; scale(s): ${runs.map((run) => run.scale).join(', ')}.`,
    `- Load: autocannon, ${options.connections} connections, ${options.warmup} s warm-up + ${options.duration} s per scenario, one scenario at a time; limit p50 over ${options.limitRuns} runs.`,
    '',
    markdownTables(runs, bare),
    missed.length === 0
      ? 'Every budget met.'
      : `Budgets missed (${missed.length}):\n${missed.map((line) => `- ${line}`).join('\n')}`,
    '',
    ...floorProblemsOf(runs).map((line) => `Apollo floor not measured: ${line}.\n`),
    failuresOf(runs).length === 0
      ? 'Every answer was clean.'
      : `Failed (the run exits 1):\n${failuresOf(runs)
          .map((line) => `- ${line}`)
          .join('\n')}`,
    mysql ? MYSQL_END : END,
  ].join('\n');
  const text = mysql ? withMysqlBlock(file, block) : withLatestBlock(file, block);
  // Formatted as the repository's Prettier would (npm run lint checks it).
  const prettierOptions = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...prettierOptions, filepath: file }));
}

/** The MySQL block replaces the previous one, or goes after the SQLite block. */
function withMysqlBlock(file, block) {
  const text = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nWritten by `npm run bench`; how to read it: README, section "Benchmarks".\n';
  const start = text.indexOf(MYSQL_START);
  const end = text.indexOf(MYSQL_END);
  if (start >= 0 && end > start) {
    return `${text.slice(0, start)}${block}${text.slice(end + MYSQL_END.length)}`;
  }
  return afterLatest(text, block);
}

function afterLatest(text, block) {
  const latestEnd = text.indexOf(END);
  if (latestEnd < 0) return `${text.trimEnd()}\n\n${block}\n`;
  const at = latestEnd + END.length;
  return `${text.slice(0, at)}\n\n${block}${text.slice(at)}`;
}

/**
 * The SQLite block: the latest run, the MySQL block if any, the previous SQLite run, then the
 * hand-written notes.
 */
function withLatestBlock(file, block) {
  let before =
    '# Benchmarks\n\nWritten by `npm run bench`; how to read it: README, section "Benchmarks".\n\n';
  let after = '';
  let mysqlBlock = null;
  if (existsSync(file)) {
    let text = readFileSync(file, 'utf8');
    const mysqlStart = text.indexOf(MYSQL_START);
    const mysqlEnd = text.indexOf(MYSQL_END);
    if (mysqlStart >= 0 && mysqlEnd > mysqlStart) {
      mysqlBlock = text.slice(mysqlStart, mysqlEnd + MYSQL_END.length);
      text = text.slice(0, mysqlStart) + text.slice(mysqlEnd + MYSQL_END.length);
    }
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    if (start >= 0 && end > start) {
      before = text.slice(0, start);
      const previousBlock = text
        .slice(start + START.length, end)
        .replace(/^\s*## Latest run/, '\n### Run');
      const rest = text.slice(end + END.length);
      // Only the one previous run is kept; what follows it (hand-written notes) stays.
      const previousAt = rest.indexOf(PREVIOUS);
      const notesAt = previousAt >= 0 ? rest.indexOf('\n## ', previousAt + PREVIOUS.length) : -1;
      const notes = previousAt >= 0 ? (notesAt >= 0 ? rest.slice(notesAt) : '') : rest;
      after = `\n\n${PREVIOUS}\n${previousBlock.trimEnd()}\n${notes.startsWith('\n') ? notes : `\n${notes}`}`;
    } else {
      before = `${text.trimEnd()}\n\n`;
    }
  }
  const text = `${before}${block}${after.trimEnd()}\n`;
  return mysqlBlock ? afterLatest(text, mysqlBlock) : text;
}

export function writeJson(file, report) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** Which code was measured: the commit, and whether the working tree had changes. */
export function gitState(root) {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain') !== '' };
  } catch {
    return null;
  }
}

/** A latency in ms: tenths below 100 ms, where a whole ms is a large step. */
function latencyText(ms) {
  return ms < 100 ? ms.toFixed(1) : String(Math.round(ms));
}
