import 'reflect-metadata';

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openSeededDatabase, type TestDatabase } from '../helpers/test-databases';
import { createTestEnvironment, type TestEnvironment } from '../helpers/test-environment';
import { REPOSITORY_ROOT } from './helpers/scratch-folder';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The dependency trees installed here: the package's, and gql.tada + TypeScript as a consumer's dev dependencies. */
const CACHED_DEPENDENCIES = [
  'gql.tada',
  '@0no-co/graphql.web',
  '@0no-co/graphqlsp',
  '@gql.tada/cli-utils',
  '@gql.tada/internal',
  'graphql',
  'typescript',
];

/** The version of a package this repository installed (its tarball is in the npm cache). */
function installedVersion(name: string): string {
  return (
    JSON.parse(
      readFileSync(join(REPOSITORY_ROOT, 'node_modules', name, 'package.json'), 'utf8'),
    ) as {
      version: string;
    }
  ).version;
}

/** Runs a command to its end, failing the test with its output when it fails. */
function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** Runs node on a script without blocking this process, whose server the script calls. */
function runNode(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the packed @polegraph/client, installed in a fresh project', () => {
  let folder: string;
  let files: string[];
  let database: TestDatabase;
  let api: TestEnvironment;

  beforeAll(async () => {
    database = await openSeededDatabase('sqlite');
    api = await createTestEnvironment(database);
    // Outside the repository, so nothing resolves from the workspace's node_modules.
    folder = mkdtempSync(join(tmpdir(), 'polegraph-sdk-consumer-'));
    const packed = JSON.parse(
      run(
        npm,
        // --ignore-scripts: the tests run on the build `npm test` made; prepack rebuilding dist/
        // here would pull it from under the suites running beside this one.
        [
          'pack',
          '--workspace',
          'client-sdk',
          '--pack-destination',
          folder,
          '--json',
          '--ignore-scripts',
        ],
        REPOSITORY_ROOT,
      ),
    ) as { filename: string; files: { path: string }[] }[];
    files = packed[0].files.map((file) => file.path).sort();
    // From the npm cache only, so the test needs no network: the dependency tree is pinned to
    // the versions this repository installed (whose tarballs are in the cache), where npm would
    // otherwise pick the newest the cached metadata knows of.
    const pinned = Object.fromEntries(
      CACHED_DEPENDENCIES.map((name) => [name, installedVersion(name)]),
    );
    writeFileSync(
      join(folder, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module', overrides: pinned }),
    );
    run(
      npm,
      [
        'install',
        join(folder, packed[0].filename),
        // The cache holds the tarballs npm ci fetched but not always their metadata: ask the
        // registry only for what the cache lacks.
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
      ],
      folder,
    );
  }, 300_000);
  afterAll(async () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    await api?.close();
    await database?.drop();
  });

  it('is publishable: a version, no `private`, public access, a prepack build and a CHANGELOG entry for its version', () => {
    const manifest = JSON.parse(
      readFileSync(join(REPOSITORY_ROOT, 'client-sdk', 'package.json'), 'utf8'),
    ) as Record<string, unknown> & { version: string; scripts: Record<string, string> };
    expect(manifest.private).toBeUndefined();
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.publishConfig).toEqual({ access: 'public' });
    expect(manifest.scripts.prepack).toBe('node scripts/build.mjs');
    const changelog = readFileSync(join(REPOSITORY_ROOT, 'client-sdk', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## ${manifest.version}`);
  });

  it('installs none of gql.tada’s command-line tool and TypeScript plugin into a consumer', () => {
    expect(existsSync(join(folder, 'node_modules', '@polegraph', 'client'))).toBe(true);
    for (const name of ['gql.tada', '@gql.tada/cli-utils', '@0no-co/graphqlsp', 'typescript'])
      expect({ name, installed: existsSync(join(folder, 'node_modules', name)) }).toEqual({
        name,
        installed: false,
      });
  });

  it('ships the ESM and CommonJS builds with declarations, the schema, the manifest, the examples and the changelog, nothing else', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'CHANGELOG.md',
        'examples/region-report.ts',
        'examples/region-status-changes.ts',
        'package.json',
        'dist/esm/index.js',
        'dist/esm/index.d.ts',
        'dist/esm/generated/graphql-env.d.ts',
        'dist/cjs/index.js',
        'dist/cjs/index.d.ts',
        'dist/cjs/package.json',
        'dist/schema.graphql',
        'dist/persisted-documents.json',
      ]),
    );
    expect(
      files.filter(
        (file) =>
          !/^(README\.md|CHANGELOG\.md|package\.json|examples\/region-(report|status-changes)\.ts|dist\/.*)$/.test(
            file,
          ),
      ),
    ).toEqual([]);
    expect(files.filter((file) => /\.test\.|\/src\/|\.map$/.test(file))).toEqual([]);
  });

  it('imports as ESM and calls the server', async () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { createRequire } from 'node:module';
      import { createClient, graphql, PoleGraphError, ProjectStatus } from '@polegraph/client';
      const require = createRequire(import.meta.url);
      const manifest = JSON.parse(readFileSync(require.resolve('@polegraph/client/persisted-documents.json'), 'utf8'));
      const schema = readFileSync(require.resolve('@polegraph/client/schema.graphql'), 'utf8');
      const client = createClient({ url: process.env.POLEGRAPH_URL });
      const { regions } = await client.regions();
      const custom = await client.request(graphql('query Codes { regions { code } }'));
      let code;
      try { await client.nationalDirectory({ first: 101 }); } catch (error) { code = error instanceof PoleGraphError && error.code; }
      console.log(JSON.stringify({
        regions: regions.length, custom: custom.regions.length, code, status: ProjectStatus.FUNDED,
        manifest: Object.keys(manifest).length, schema: schema.includes('type Query'),
      }));
    `;
    const result = await runNode(['--input-type=module', '-e', script], folder, {
      POLEGRAPH_URL: api.url,
    });
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(output).toEqual({
      regions: expect.any(Number),
      custom: output.regions,
      code: 'BAD_USER_INPUT',
      status: 'FUNDED',
      manifest: expect.any(Number),
      schema: true,
    });
    expect(output.regions).toBeGreaterThan(10);
  });

  it('requires as CommonJS too', async () => {
    const script = `
      const { createClient, PoleGraphError } = require('@polegraph/client');
      createClient({ url: process.env.POLEGRAPH_URL }).regions().then(({ regions }) => {
        console.log(JSON.stringify({ regions: regions.length, error: typeof PoleGraphError }));
      });
    `;
    const result = await runNode(['-e', script], folder, { POLEGRAPH_URL: api.url });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ regions: expect.any(Number), error: 'function' });
  });

  it('type-checks a consumer that adds gql.tada and TypeScript as dev dependencies, as the README says', () => {
    run(
      npm,
      [
        'install',
        '--save-dev',
        `gql.tada@${installedVersion('gql.tada')}`,
        `typescript@${installedVersion('typescript')}`,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
      ],
      folder,
    );
    writeFileSync(
      join(folder, 'consumer.ts'),
      `import { createClient, graphql } from '@polegraph/client';
       const client = createClient({ url: 'http://localhost:4000/graphql' });
       export const figures = client.poleYearlyFigures({ slug: 'aerospace-valley' }).then(({ pole }) => pole?.name);
       export const mine = client.request(graphql('query Mine { regions { code name } }')).then(({ regions }) => regions[0]?.name);
      `,
    );
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    );
    run(
      process.execPath,
      [join(folder, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', folder],
      folder,
    );
  });
});
