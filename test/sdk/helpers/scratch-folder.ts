import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

/**
 * A fresh folder inside the repository's node_modules/.cache, where `@polegraph/client`
 * resolves to the workspace's built package (as in a project that installed it) and nothing
 * is left in the work tree; `remove()` deletes it.
 */
export function scratchFolder(label: string): { path: string; remove(): void } {
  const parent = join(REPOSITORY_ROOT, 'node_modules', '.cache', 'polegraph-sdk-tests');
  mkdirSync(parent, { recursive: true });
  const path = mkdtempSync(join(parent, `${label}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
