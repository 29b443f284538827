// Bundles the dashboards' client (our pages, the SDK, ECharts' tree-shaken core) into
// dist/dashboards/assets, and fails when the gzipped bundle passes its budget: the page must
// stay quick to open on a regional office's network.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

/** The budget for the page's JavaScript and CSS, gzipped. */
const GZIPPED_BUDGET_BYTES = 350 * 1024;

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(serverDir, 'src', 'http', 'dashboards', 'client');
const assetsDir = join(serverDir, 'dist', 'dashboards', 'assets');

rmSync(assetsDir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: serverDir,
  entryPoints: { dashboards: join(sourceDir, 'dashboards-entry.ts') },
  outdir: assetsDir,
  tsconfig: join(sourceDir, 'tsconfig.json'),
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  // The operations' text, for "voir la requête": the very files the SDK is generated from.
  loader: { '.graphql': 'text' },
  // The workspace SDK from its sources: the server builds before the SDK's dist exists.
  alias: { '@polegraph/client': join(serverDir, '..', 'client-sdk', 'src', 'index.ts') },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

let gzipped = 0;
for (const file of Object.keys(result.metafile.outputs)) {
  if (!/\.(js|css)$/.test(file)) continue;
  const bytes = readFileSync(join(serverDir, file));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  gzipped += zipped;
  const kib = (statSync(join(serverDir, file)).size / 1024).toFixed(0);
  console.info(
    `[dashboards] server/${file} ${kib} KiB (${(zipped / 1024).toFixed(0)} KiB gzipped)`,
  );
}
if (gzipped > GZIPPED_BUDGET_BYTES) {
  console.error(
    `[dashboards] the gzipped bundle is ${(gzipped / 1024).toFixed(0)} KiB, over its ` +
      `${GZIPPED_BUDGET_BYTES / 1024} KiB budget: import less (echarts/core, one chart type at a time)`,
  );
  process.exit(1);
}
console.info(`[dashboards] gzipped total ${(gzipped / 1024).toFixed(0)} KiB (budget 350 KiB)`);
