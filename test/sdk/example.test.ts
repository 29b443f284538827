import 'reflect-metadata';

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Role } from '../../server/src/auth/roles';
import { loadConfig } from '../../server/src/config/config';
import { LogCapture } from '../helpers/log-capture';
import {
  openSeededDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { ANALYST, bearerFor } from '../helpers/tokens';
import { REPOSITORY_ROOT, scratchFolder } from './helpers/scratch-folder';

/** Rows of an RFC 4180 CSV text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  return rows;
}

describe.each(testDatabaseKinds())('client-sdk/examples/region-report.ts on %s', (kind) => {
  let database: TestDatabase;
  let api: TestEnvironment;
  let folder: ReturnType<typeof scratchFolder>;

  beforeAll(async () => {
    database = await openSeededDatabase(kind);
    api = await createTestEnvironment(database);
    folder = scratchFolder('example');
    // Compiled as a consumer compiles it (NodeNext, strict) against the built package.
    const tsc = require.resolve('typescript/bin/tsc');
    const compiled = spawnSync(
      process.execPath,
      [tsc, '-p', join(REPOSITORY_ROOT, 'client-sdk', 'examples'), '--outDir', folder.path],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(compiled.stdout + compiled.stderr).toBe('');
    writeFileSync(
      join(folder.path, 'package.json'),
      JSON.stringify({ type: 'module', private: true }),
    );
  }, 180_000);
  afterAll(async () => {
    folder?.remove();
    await api?.close();
    await database?.drop();
  });

  /** Runs the compiled report; asynchronously, since the server answers from this process. */
  function runReport(
    args: string[],
    token?: string,
    url = api.url,
  ): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(folder.path, 'region-report.js'), ...args], {
        cwd: folder.path,
        env: { ...process.env, POLEGRAPH_URL: url, POLEGRAPH_TOKEN: token ?? '' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  it('writes every project of the region with its latest status', async () => {
    const { authorization } = await bearerFor(database.dataSource, ANALYST);
    const out = join(folder.path, 'corse.csv');
    const run = await runReport(
      ['--region', '94', '--out', out],
      authorization.replace(/^Bearer /, ''),
    );
    // stderr holds only the progress, one line per page, the last one complete.
    const progress = run.stderr.trimEnd().split('\n');
    expect(progress.every((line) => /^page \d+: \d+\/\d+ projects, \d+\.\d s$/.test(line))).toBe(
      true,
    );
    expect(progress.at(-1)).toMatch(/: (\d+)\/\1 projects/);
    expect(run.status).toBe(0);

    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(header).toEqual([
      'acronym',
      'title',
      'lead_pole',
      'programme',
      'status',
      'status_since',
      'submitted_on',
    ]);
    expect(run.stdout).toBe(`Corse: ${rows.length} projects written to ${out}\n`);

    // The region's projects: led by a pole headquartered there or with a partner located there.
    const expected = (await database.dataSource.query(
      `SELECT p.acronym, p.status,
              (SELECT MAX(c.changedAt) FROM project_status_change c WHERE c.projectId = p.id) AS since
         FROM project p
        WHERE p.leadPoleId IN (SELECT po.id FROM pole po JOIN region r ON r.id = po.headquartersRegionId WHERE r.code = '94')
           OR p.id IN (SELECT pp.projectId FROM project_partner pp JOIN member m ON m.id = pp.memberId
                        JOIN region r ON r.id = m.regionId WHERE r.code = '94')`,
    )) as { acronym: string; status: string; since: string | Date }[];
    expect(rows.length).toBe(expected.length);
    expect(rows.length).toBeGreaterThan(100);
    const byAcronym = new Map(rows.map((row) => [row[0], row]));
    for (const project of expected) {
      const row = byAcronym.get(project.acronym);
      expect(row?.[4]).toBe(project.status);
      const since =
        project.since instanceof Date ? project.since.toISOString() : String(project.since);
      expect(row?.[5]).toBe(since.slice(0, 10));
    }
  });

  it('reads all of region 84 as its officer, with the default limits, without waiting on the rate limit', async () => {
    // Production's cost ceilings and buckets (the other tests run without limits).
    const { limits, rateLimit } = loadConfig({});
    const log = new LogCapture();
    const limited = await createTestEnvironment(
      database,
      { limits, rateLimit },
      { logger: log.logger },
    );
    try {
      const { authorization } = await bearerFor(database.dataSource, {
        role: Role.REGION_OFFICER,
        regionCode: '84',
      });
      const out = join(folder.path, 'auvergne-rhone-alpes.csv');
      const run = await runReport(
        ['--region', '84', '--out', out],
        authorization.replace(/^Bearer /, ''),
        limited.url,
      );
      expect(run.status).toBe(0);
      const [, ...rows] = parseCsv(readFileSync(out, 'utf8'));
      expect(rows.length).toBeGreaterThan(1000);
      expect(run.stdout).toBe(`Auvergne-Rhône-Alpes: ${rows.length} projects written to ${out}\n`);
      // Pages of 100 are charged their actual cost: the officer's bucket never runs dry, so no
      // page waits on a 429 (it took 25 minutes when every page did). Time itself is the
      // benchmark's to measure, not a test's: see the README's SDK section for the figure.
      const statuses = log.withMessage('request').map((line) => line.status);
      expect(statuses.length).toBeGreaterThan(rows.length / 100);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it('fails with a clear message for a region that does not exist', async () => {
    const run = await runReport(['--region', '00', '--out', join(folder.path, 'none.csv')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No region has the INSEE code "00"');
  });
});
