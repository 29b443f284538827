#!/usr/bin/env node
/**
 * Builds the package: dist/esm (ESM + declarations), dist/cjs (CommonJS + declarations), and
 * the files shipped beside them: the schema and the persisted-documents manifest.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const sdkDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function compile(project) {
  const result = spawnSync(process.execPath, [tsc, '-p', join(sdkDir, project)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync(join(sdkDir, 'dist'), { recursive: true, force: true });
compile('tsconfig.json');
compile('tsconfig.cjs.json');
// package.json says "type": "module"; this one makes Node read dist/cjs as CommonJS.
writeFileSync(join(sdkDir, 'dist', 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
mkdirSync(join(sdkDir, 'dist'), { recursive: true });
copyFileSync(
  join(sdkDir, '..', 'schema', 'schema.graphql'),
  join(sdkDir, 'dist', 'schema.graphql'),
);
copyFileSync(
  join(sdkDir, 'src', 'generated', 'persisted-documents.json'),
  join(sdkDir, 'dist', 'persisted-documents.json'),
);
