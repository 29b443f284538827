import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';

import { SqliteInlineReads } from './sqlite-inline-reads';

describe('SqliteInlineReads', () => {
  const directory = mkdtempSync(join(tmpdir(), 'inline-reads-'));
  const path = join(directory, 'inline.sqlite');
  const SQL = 'SELECT code FROM region WHERE code = ?';

  beforeAll(() => {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE region (code TEXT); INSERT INTO region VALUES ('84'), ('93')");
    db.close();
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('takes a statement only after three fast answers in a row from the workers', () => {
    const inline = new SqliteInlineReads(path, 1);
    inline.observe(SQL, 0.2);
    inline.observe(SQL, 0.3);
    expect(inline.accepts(SQL)).toBe(false);
    inline.observe(SQL, 0.1);
    expect(inline.accepts(SQL)).toBe(true);
    expect(inline.read(SQL, ['84'])).toEqual([{ code: '84' }]);
    expect(inline.accepts('SELECT code FROM region')).toBe(false);
    inline.close();
  });

  it('answers the row objects better-sqlite3 would build (types, nulls, a repeated column name)', () => {
    const ROWS =
      "SELECT code, 1.5 AS ratio, NULL AS absent, length(code) AS size, 'first' AS twice, code AS twice FROM region ORDER BY code";
    const inline = new SqliteInlineReads(path, 1);
    for (let run = 0; run < 3; run += 1) inline.observe(ROWS, 0.1);
    const db = new Database(path, { readonly: true });
    const expected = db.prepare(ROWS).all();
    db.close();
    expect(expected).toEqual([
      { code: '84', ratio: 1.5, absent: null, size: 2, twice: '84' },
      { code: '93', ratio: 1.5, absent: null, size: 2, twice: '93' },
    ]);
    // Same values, same keys in the same order (answers are serialised in that order).
    expect(JSON.stringify(inline.read(ROWS, []))).toBe(JSON.stringify(expected));
    inline.close();
  });

  it('starts counting afresh after a slow answer from the workers', () => {
    const inline = new SqliteInlineReads(path, 1);
    inline.observe(SQL, 0.1);
    inline.observe(SQL, 0.1);
    inline.observe(SQL, 5);
    inline.observe(SQL, 0.1);
    expect(inline.accepts(SQL)).toBe(false);
    inline.observe(SQL, 0.1);
    inline.observe(SQL, 0.1);
    expect(inline.accepts(SQL)).toBe(true);
    inline.close();
  });

  it('sends a statement back to the workers for good after two inline runs ten times over the limit', () => {
    // Fast three times in the workers (as reported), then ~200,000 rows counted inline: far
    // more than ten times the 0.01 ms limit.
    const COUNT =
      'WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ?) SELECT COUNT(*) AS n FROM c';
    const inline = new SqliteInlineReads(path, 0.01);
    for (let run = 0; run < 3; run += 1) inline.observe(COUNT, 0.005);
    expect(inline.read(COUNT, [200000])).toEqual([{ n: 200000 }]);
    expect(inline.accepts(COUNT)).toBe(true);
    inline.read(COUNT, [200000]);
    expect(inline.accepts(COUNT)).toBe(false);
    for (let run = 0; run < 3; run += 1) inline.observe(COUNT, 0.005);
    expect(inline.accepts(COUNT)).toBe(false);
    inline.close();
  });

  it('forgets a slow inline run after a hundred runs within the limit (preemption, GC)', () => {
    // A clock that the test moves: each inline run lasts what `nextRunMs` says. (Timed for real,
    // one of the hundred quick runs was preempted for over 10 ms under CI's load.)
    let clock = 0;
    let nextRunMs = 0;
    let reading = false;
    const now = (): number => {
      // Called once before and once after each run: the second call sees the run's duration.
      if (reading) clock += nextRunMs;
      reading = !reading;
      return clock;
    };
    const inline = new SqliteInlineReads(path, 1, now);
    const run = (ms: number): void => {
      nextRunMs = ms;
      expect(inline.read(SQL, ['84'])).toEqual([{ code: '84' }]);
    };
    for (let proof = 0; proof < 3; proof += 1) inline.observe(SQL, 0.005);
    // Over ten times the limit: a strike. Then 100 runs within it, then another strike: still inline.
    run(10.5);
    for (let quick = 0; quick < 100; quick += 1) run(0.05);
    run(10.5);
    expect(inline.accepts(SQL)).toBe(true);
    // Ten times the limit exactly is no strike.
    run(10);
    expect(inline.accepts(SQL)).toBe(true);
    // A second strike within a hundred runs of the first: back to the workers for good.
    for (let quick = 0; quick < 98; quick += 1) run(0.05);
    run(10.5);
    expect(inline.accepts(SQL)).toBe(false);
    for (let proof = 0; proof < 3; proof += 1) inline.observe(SQL, 0.005);
    expect(inline.accepts(SQL)).toBe(false);
    inline.close();
  });

  it('takes nothing when the limit is 0', () => {
    const inline = new SqliteInlineReads(path, 0);
    for (let run = 0; run < 5; run += 1) inline.observe(SQL, 0);
    expect(inline.accepts(SQL)).toBe(false);
  });
});
