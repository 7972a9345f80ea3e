/**
 * The folder of an import's bulk files (map-worker/ writes them, the unit loads and deletes them). It is named
 * after the process (`huitou-import-<pid>-…`), so that the folders of an import that was killed before it
 * could delete them (half a gigabyte for a million orders) are found and removed by the next import.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'huitou-import-';

/** Makes a fresh bulk-file folder for this process, after removing those of processes that are gone. */
export async function makeBulkDir(parent = tmpdir()): Promise<string> {
  await removeOrphanBulkDirs(parent);
  return mkdtemp(join(parent, `${PREFIX}${process.pid}-`));
}

/** Removes bulk-file folders in `parent` whose process is no longer running; returns their names. */
export async function removeOrphanBulkDirs(parent = tmpdir()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = /^huitou-import-(\d+)-/.exec(name);
    if (match === null) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isRunning(pid)) continue;
    await rm(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** True when a process with this id exists (signal 0 checks without signalling; EPERM means it exists). */
function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
