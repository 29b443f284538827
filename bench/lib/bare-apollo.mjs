// Starts bare-apollo-server.mjs as a child process and waits for its URL.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'bare-apollo-server.mjs');

/**
 * A bare Apollo server answering each operation from `answers` (`{ operationName: data }`, the
 * anonymous one under `""`), with the SDL of `schemaFile` or, without it, the `regions` baseline's
 * own tiny schema. The answers travel through a file in `workDir` (the national overview's is
 * larger than an environment variable may be).
 */
export async function startBareApollo(root, { answers, schemaFile = null, workDir }) {
  const answersFile = join(workDir, `bare-answers-${Date.now()}.json`);
  writeFileSync(answersFile, JSON.stringify(answers));
  const child = spawn(process.execPath, [SCRIPT], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      POLEGRAPH_BENCH_BARE: JSON.stringify({ answersFile, schemaFile }),
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
