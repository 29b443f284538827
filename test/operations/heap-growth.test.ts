import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The server bounds its heap's growth (HEAP_GROWTH_PERCENT, server/src/heap-growth.ts): the
 * process entry sets the V8 flag from the configuration, and the flag, set in a running
 * process, does bound the old generation. Both run the built server (`npm test` builds first).
 */
const DIST = join(__dirname, '..', '..', 'server/dist');
const run = promisify(execFile);

beforeAll(() => {
  if (!existsSync(join(DIST, 'main.js'))) throw new Error('Build first: npm run build');
});

/**
 * Loads main.js with V8's flag setter replaced by a reporter, and ends the process as soon as
 * the load returns: main's synchronous first step (configuration, heap bound) has run, nothing
 * it starts afterwards (the database connection) has.
 */
async function flagsSetByMain(env: Record<string, string>): Promise<string[]> {
  const script = `
    require('node:v8').setFlagsFromString = (flags) => console.log('v8 flag: ' + flags);
    require(${JSON.stringify(join(DIST, 'main.js'))});
    process.exit(0);
  `;
  const { stdout } = await run(process.execPath, ['-e', script], {
    env: { ...process.env, DATABASE_URL: 'mysql://nobody@127.0.0.1:9/none', ...env },
  });
  return [...stdout.matchAll(/^v8 flag: (.*)$/gm)].map((match) => match[1]!);
}

/**
 * The old generation's largest size during a workload that allocates fast and keeps a little.
 * The peak, with the collector on the main thread (`--single-threaded-gc`): the size at the end
 * depends on where a concurrent marking happens to be, which the machine's load moves (under the
 * full suite, once 49 against 63 MB; the peaks stay apart: 50–58 against 103–127 MB).
 */
async function oldSpacePeakMb(percent: number): Promise<number> {
  const script = `
    require(${JSON.stringify(join(DIST, 'heap-growth.js'))}).boundHeapGrowth(${percent});
    const { getHeapSpaceStatistics } = require('node:v8');
    const oldSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'old_space').space_size;
    const kept = [];
    let recent = [];
    let peak = 0;
    for (let round = 0; round < 400; round += 1) {
      const rows = [];
      for (let index = 0; index < 20000; index += 1) rows.push({ index, text: 'row ' + index });
      recent.push(rows);
      if (recent.length > 8) recent.shift();
      if (round % 50 === 0) kept.push(rows);
      peak = Math.max(peak, oldSpace());
    }
    console.log(peak / 1048576);
  `;
  const { stdout } = await run(process.execPath, ['--single-threaded-gc', '-e', script]);
  return Number(stdout.trim());
}

describe('heap growth', () => {
  it('is bounded by the process entry from HEAP_GROWTH_PERCENT, 50 unless told', async () => {
    expect(await flagsSetByMain({})).toEqual(['--heap-growing-percent=50']);
    expect(await flagsSetByMain({ HEAP_GROWTH_PERCENT: '25' })).toEqual([
      '--heap-growing-percent=25',
    ]);
    // 0 leaves V8's own rule.
    expect(await flagsSetByMain({ HEAP_GROWTH_PERCENT: '0' })).toEqual([]);
  });

  it('keeps the old generation near what is live, where V8 alone lets it grow', async () => {
    const [unbounded, bounded] = [await oldSpacePeakMb(0), await oldSpacePeakMb(20)];
    // Measured on Node 20, the machines' Node: peaks of 103–127 MB against 50–58 MB (≈ 25 MB
    // live), quiet or with both cores busy. Node 26's V8 grows less by its own rule on this
    // workload (at the end ≈ 49 against 46 MB): not run there.
    expect(bounded).toBeLessThan(unbounded * 0.7);
  });
});
