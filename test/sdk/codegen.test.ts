import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPOSITORY_ROOT, scratchFolder } from './helpers/scratch-folder';

const GENERATED = join(REPOSITORY_ROOT, 'client-sdk', 'src', 'generated');

describe('the generated SDK files', () => {
  it('are what `npm run codegen` gives from the committed schema and operations', () => {
    const folder = scratchFolder('codegen');
    try {
      const run = spawnSync(
        process.execPath,
        [join(REPOSITORY_ROOT, 'client-sdk', 'scripts', 'codegen.mjs'), '--out-dir', folder.path],
        { cwd: REPOSITORY_ROOT, encoding: 'utf8', timeout: 120_000 },
      );
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });

      const fresh = readdirSync(folder.path).sort();
      const committed = readdirSync(GENERATED).sort();
      const stale = [...new Set([...fresh, ...committed])].filter((name) => {
        const read = (dir: string) => {
          try {
            return readFileSync(join(dir, name), 'utf8');
          } catch {
            return null;
          }
        };
        return read(folder.path) !== read(GENERATED);
      });
      if (stale.length > 0) {
        throw new Error(
          `client-sdk/src/generated is out of date with schema/schema.graphql or the operations ` +
            `(${stale.join(', ')} differ): run npm run codegen`,
        );
      }
      expect(committed).toEqual([
        'error-codes.ts',
        'graphql-env.ts',
        'graphql.ts',
        'operations.ts',
        'persisted-documents.json',
      ]);
    } finally {
      folder.remove();
    }
  });
});
