// The limit in the same run: each read scenario's minimal SQL (limit-scenarios.mjs) run
// in-process on the server's own database, plus JSON.stringify, checked byte for byte against
// the server's `data`, and timed.
import { performance } from 'node:perf_hooks';

import { LIMIT_SCENARIOS } from './limit-scenarios.mjs';

const WARM_UP_RUNS = 5;

export class LimitRunner {
  /** `reader` and `dialect`: from bench-database.mjs (the server's driver and SQL dialect). */
  constructor(reader, dialect) {
    this.sql = reader.sql;
    this.dialect = dialect;
  }

  has(name) {
    return name in LIMIT_SCENARIOS;
  }

  /**
   * Answers `name` and compares with the server's `data`; then times `runs` answers. Returns
   * `{ p50Ms, p99Ms, bytes, problem }`; `problem` says where the answers part. On SQLite the
   * statements are synchronous and so is the answer; on MySQL it awaits its round trips.
   */
  async measure(name, serverData, runs) {
    const scenario = LIMIT_SCENARIOS[name];
    const answer = async () => JSON.stringify(await scenario(this.sql, this.dialect));
    const mine = await answer();
    const theirs = JSON.stringify(serverData);
    if (mine !== theirs) {
      let at = 0;
      while (mine[at] === theirs[at]) at += 1;
      return {
        problem:
          `the limit's JSON differs from the server's data at character ${at}: ` +
          `limit …${mine.slice(Math.max(0, at - 60), at + 60)}… server …` +
          `${theirs.slice(Math.max(0, at - 60), at + 60)}…`,
      };
    }
    for (let run = 0; run < WARM_UP_RUNS; run += 1) await answer();
    const times = [];
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      await answer();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return {
      p50Ms: times[Math.floor(runs / 2)],
      p99Ms: times[Math.min(runs - 1, Math.floor(runs * 0.99))],
      bytes: Buffer.byteLength(mine),
      problem: null,
    };
  }
}
