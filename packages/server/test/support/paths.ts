/** Paths for tests: the shared data folder beside the repository, and temporary folders. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/data/<name> relative to the repository root (CI puts shared/ beside the clone). */
export function sharedData(name: string): string {
  return fileURLToPath(new URL(`../../../../../shared/data/${name}`, import.meta.url));
}

export function tempDir(prefix = 'huitou-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
