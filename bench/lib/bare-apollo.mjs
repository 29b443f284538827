// Starts bare-apollo-server.mjs as a child process and waits for its URL.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'bare-apollo-server.mjs');

export async function startBareApollo(root, regions) {
  const child = spawn(process.execPath, [SCRIPT], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      POLEGRAPH_BENCH_REGIONS: JSON.stringify(regions),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  while (!output.includes('\n')) {
    const chunk = await Promise.race([
      once(child.stdout, 'data').then(([data]) => data),
      once(child, 'exit').then(() => null),
    ]);
    if (chunk === null) throw new Error('the bare Apollo server stopped before listening');
    output += chunk;
  }
  return { child, url: output.trim() };
}
