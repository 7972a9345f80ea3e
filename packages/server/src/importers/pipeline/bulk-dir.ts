/**
 * The folder of an import's bulk files (map-worker/ writes them, the unit loads and deletes them). It is named
 * after the process (`huitou-import-<pid>-…`), so that the folders of an import that was killed before it
 * could delete them (half a gigabyte for a million orders) are found and removed by the next import.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'huitou-import-';
/** Folders of versions before the pid was in the name (`huitou-import-` + mkdtemp's 6 characters). */
const LEGACY = /^huitou-import-[A-Za-z0-9]{6}$/;
/** A legacy folder this old belongs to no running import. */
const LEGACY_MAX_AGE_MS = 24 * 3_600_000;

/** Makes a fresh bulk-file folder for this process, after removing those of processes that are gone. */
export async function makeBulkDir(parent = tmpdir()): Promise<string> {
  await removeOrphanBulkDirs(parent);
  return mkdtemp(join(parent, `${PREFIX}${process.pid}-`));
}

/**
 * Removes bulk-file folders in `parent` whose process is no longer running, and those of earlier versions
 * (no pid in the name) untouched for a day; returns their names.
 */
export async function removeOrphanBulkDirs(parent = tmpdir(), nowMs = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!(await isOrphan(parent, name, nowMs))) continue;
    await rm(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/** A bulk-file folder of a process that is gone, or of an earlier version untouched for a day. */
async function isOrphan(parent: string, name: string, nowMs: number): Promise<boolean> {
  if (LEGACY.test(name)) {
    const modified = await stat(join(parent, name)).then((st) => st.mtimeMs, () => nowMs);
    return nowMs - modified >= LEGACY_MAX_AGE_MS;
  }
  const match = /^huitou-import-(\d+)-/.exec(name);
  if (match === null) return false;
  const pid = Number(match[1]);
  return pid !== process.pid && !isRunning(pid);
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
