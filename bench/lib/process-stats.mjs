// CPU time and memory of a process and its descendants, from /proc (Linux). The server runs its
// SQLite reads in child processes (server/src/database/sqlite-read-pool.ts): their CPU is the
// server's work too, so every figure here covers the whole tree. Null off Linux.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Linux counts process CPU time in ticks of 1/100 s (`getconf CLK_TCK`). */
const CLOCK_TICK_MS = 10;
/** The server counts as idle when it used at most this share of one core over the window. */
const IDLE_WINDOW_MS = 300;
const IDLE_CPU_SHARE = 0.07;
const IDLE_TIMEOUT_MS = 60_000;

function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces: state is field 3, ppid 4, utime 14…
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The pid and every live descendant of it. */
export function processTree(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(statFields(entry)[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index += 1)
    tree.push(...(children.get(tree[index]) ?? []));
  return tree;
}

/**
 * CPU (user + system) used by the tree, in ms, including children that already exited and were
 * waited for (cutime/cstime). A read worker killed mid-run between two readings is lost: rare.
 */
export function treeCpuMs(pid) {
  try {
    let ticks = 0;
    for (const member of processTree(pid)) {
      try {
        const fields = statFields(member);
        ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      } catch {
        // Exited meanwhile.
      }
    }
    return ticks * CLOCK_TICK_MS;
  } catch {
    return null;
  }
}

/**
 * Resident memory of the process alone and of its tree, in MB. `tree` sums each process's RSS,
 * which counts the pages they share (the node binary and its libraries, ≈ 43 MB per process)
 * once per process; `treePss` (proportional set size, Linux ≥ 4.14) shares them out, so it is
 * what the tree adds to the machine's memory.
 */
export function treeRssMb(pid) {
  try {
    const rssOf = (member) => {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      return match ? Number(match[1]) / 1024 : 0;
    };
    const pssOf = (member) => {
      const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${member}/smaps_rollup`, 'utf8'));
      return match ? Number(match[1]) / 1024 : null;
    };
    const tree = processTree(pid);
    let total = 0;
    let pss = 0;
    for (const member of tree) {
      try {
        total += rssOf(member);
        const share = pssOf(member);
        pss = share === null || pss === null ? null : pss + share;
      } catch {
        // Exited meanwhile.
      }
    }
    return {
      main: Math.round(rssOf(pid)),
      tree: Math.round(total),
      treePss: pss === null ? null : Math.round(pss),
      processes: tree.length,
    };
  } catch {
    return null;
  }
}

/**
 * V8 keeps the heap it grew to under load until its memory reducer runs (not before 8 s of
 * quiet, `--gc-memory-reducer-start-delay-ms`, and not always: seen 10–20 s after one load, not
 * within 30 s of another): the tree's memory at rest is read this long after the run.
 */
const REST_MS = 30_000;

/**
 * `treeRssMb` once the idle tree has had `REST_MS` to give back what the load made it grow to,
 * counted from `since` (a `performance.now()`; the floors are measured meanwhile), with the
 * seconds it actually rested.
 */
export async function restingRssMb(pid, since = performance.now()) {
  await sleep(Math.max(0, REST_MS - (performance.now() - since)));
  const rss = treeRssMb(pid);
  return rss && { ...rss, restedS: Math.round((performance.now() - since) / 1000) };
}

/** Waits until the tree uses (almost) no CPU, or a fixed pause where its CPU cannot be read. */
export async function waitUntilIdle(pid) {
  const deadline = Date.now() + IDLE_TIMEOUT_MS;
  let previous = treeCpuMs(pid);
  if (previous === null) return sleep(2_000);
  while (Date.now() < deadline) {
    await sleep(IDLE_WINDOW_MS);
    const current = treeCpuMs(pid);
    if (current - previous <= IDLE_WINDOW_MS * IDLE_CPU_SHARE) return;
    previous = current;
  }
  console.warn(`\n[bench] the server stayed busy for ${IDLE_TIMEOUT_MS / 1000} s; going on`);
}
