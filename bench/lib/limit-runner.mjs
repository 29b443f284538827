// The limit in the same run: each read scenario's minimal SQL (limit-scenarios.mjs) run
// in-process on the server's own database file, plus JSON.stringify, checked byte for byte
// against the server's `data`, and timed.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { LIMIT_SCENARIOS } from './limit-scenarios.mjs';

const WARM_UP_RUNS = 5;

export class LimitRunner {
  /** `root`: the repository; better-sqlite3 and fold() are the server's own. */
  constructor(root, databaseFile) {
    const require = createRequire(join(root, 'server', 'package.json'));
    const Database = require('better-sqlite3');
    const { createFold } = require(
      join(root, 'server', 'dist', 'database', 'query', 'sql-dialect.js'),
    );
    this.db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    this.db.function('fold', { deterministic: true }, createFold());
    const statements = new Map();
    this.sql = (text) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = this.db.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    };
  }

  has(name) {
    return name in LIMIT_SCENARIOS;
  }

  /**
   * Answers `name` and compares with the server's `data`; then times `runs` answers. Returns
   * `{ p50Ms, p99Ms, bytes, problem }`; `problem` says where the answers part.
   */
  measure(name, serverData, runs) {
    const answer = () => JSON.stringify(LIMIT_SCENARIOS[name](this.sql));
    const mine = answer();
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
    for (let run = 0; run < WARM_UP_RUNS; run += 1) answer();
    const times = [];
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      answer();
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

  close() {
    this.db.close();
  }
}
