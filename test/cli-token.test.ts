import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { SEEDED_DATABASE_ENV } from './helpers/test-databases';

const ROOT = join(__dirname, '..');
const TOKEN_CLI = join(ROOT, 'server', 'dist', 'cli', 'token.cli.js');
const ENSURE_BUILD = join(ROOT, 'server', 'scripts', 'ensure-build.mjs');

/**
 * `npm run token` as built (the command-line tools run server/dist), on a copy of the seeded
 * SQLite dataset: the command's output is the same on every database.
 */
describe('npm run token', () => {
  let folder: string;
  let databaseUrl: string;
  const token = (...args: string[]) =>
    spawnSync(process.execPath, [TOKEN_CLI, ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    });

  beforeAll(() => {
    const seeded = JSON.parse(process.env[SEEDED_DATABASE_ENV.sqlite] ?? 'null') as {
      path: string;
    } | null;
    if (!seeded) throw new Error('Global setup made no seeded SQLite database');
    folder = mkdtempSync(join(tmpdir(), 'polegraph-cli-'));
    copyFileSync(seeded.path, join(folder, 'tokens.sqlite'));
    databaseUrl = `sqlite:${join(folder, 'tokens.sqlite')}`;
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('answers --help with the usage, every option and the name’s length, exit code 0', () => {
    const result = token('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('npm run token -- create --role <ROLE>');
    expect(result.stdout).toMatch(/--name .*3 to 120 characters/);
    expect(result.stdout).toContain('--expires');
    expect(token('help').stdout).toBe(result.stdout);
  });

  it('lists tokens under a header, with their scope and expiry', () => {
    expect(
      token(
        'create',
        '--role',
        'REGION_OFFICER',
        '--region',
        '84',
        '--name',
        'ARA board',
        '--expires',
        '2099-12-31',
      ).status,
    ).toBe(0);
    expect(token('create', '--role', 'ADMIN', '--name', 'Ops').status).toBe(0);
    const refused = token('create', '--role', 'ADMIN', '--name', 'ab');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('3 to 120 characters');
    const result = token('list');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual([
      'ID',
      'PREFIX',
      'ROLE',
      'SCOPE',
      'STATE',
      'EXPIRES',
      'NAME',
    ]);
    const rows = lines.slice(1).map((line) => line.split(/\s{2,}/));
    expect(rows).toEqual(
      expect.arrayContaining([
        [
          expect.any(String),
          expect.stringMatching(/^pg_.*…$/),
          'REGION_OFFICER',
          'region 84',
          'valid',
          '2099-12-31',
          'ARA board',
        ],
        [
          expect.any(String),
          expect.stringMatching(/^pg_.*…$/),
          'ADMIN',
          '-',
          'valid',
          'never',
          'Ops',
        ],
      ]),
    );
  });
});

describe('server/scripts/ensure-build.mjs (what npm run token|import|export|seed run first)', () => {
  const check = () => spawnSync(process.execPath, [ENSURE_BUILD, '--check'], { encoding: 'utf8' });

  it('finds the build up to date when no source is newer, and stale once one is', () => {
    // The suites run after `npm run build`: nothing changed since.
    const fresh = check();
    expect(fresh.stderr).toContain('up to date');
    expect(fresh.status).toBe(0);
    const source = join(ROOT, 'server', 'src', 'core', 'error-codes.ts');
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(Date.now() + 60_000));
      const stale = check();
      expect(stale.stderr).toContain('out of date');
      expect(stale.status).toBe(1);
    } finally {
      utimesSync(source, atime, mtime);
    }
  });
});
