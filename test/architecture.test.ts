import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layers of server/src (README › Architecture, rules in .dependency-cruiser.cjs): no cycle
 * between modules, core/ and database/ below everything, auth/ the policy only, graphql/ below
 * http/ and the registry, nothing importing a process entry. `npm run lint` runs the same check;
 * here it is part of `npm test`, where a violation names its modules.
 */
const ROOT = join(__dirname, '..');

it('server/src respects its layers and has no import cycle', () => {
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
        'server/src',
        '--config',
        '.dependency-cruiser.cjs',
        '--output-type',
        'err',
      ],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(
      `dependency-cruiser found violations:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    );
  }
  expect(output).toContain('no dependency violations found');
});
