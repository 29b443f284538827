// Bundles the offline GraphiQL (React + GraphiQL + our entry) into dist/playground/assets and
// copies the example queries next to the compiled routes, so `node server/dist/main.js` and the
// Docker image (which keeps only server/dist and node_modules, without devDependencies) serve
// the playground without reaching any other host.
import { cpSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(serverDir, 'src', 'http', 'playground');
const outputDir = join(serverDir, 'dist', 'playground');
const assetsDir = join(outputDir, 'assets');
const examplesDir = join(outputDir, 'examples');

rmSync(assetsDir, { recursive: true, force: true });
rmSync(examplesDir, { recursive: true, force: true });

const result = await build({
  // Paths in the metafile are relative to this, whatever directory the build runs from.
  absWorkingDir: serverDir,
  entryPoints: { graphiql: join(sourceDir, 'client', 'graphiql-entry.tsx') },
  outdir: assetsDir,
  tsconfig: join(sourceDir, 'client', 'tsconfig.json'),
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Keeps the MIT notices of React, GraphiQL, CodeMirror… beside the bundle.
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

cpSync(join(sourceDir, 'examples'), examplesDir, {
  recursive: true,
  filter: (path) => statSync(path).isDirectory() || path.endsWith('.graphql'),
});

for (const file of Object.keys(result.metafile.outputs)) {
  const kib = (statSync(join(serverDir, file)).size / 1024).toFixed(0);
  console.info(`[playground] server/${file} ${kib} KiB`);
}
