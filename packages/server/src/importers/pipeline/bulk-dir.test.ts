import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeBulkDir, removeOrphanBulkDirs } from './bulk-dir.ts';

const parent = mkdtempSync(join(tmpdir(), 'huitou-bulkdir-test-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('bulk-file folders', () => {
  it('removes the folders of processes that are gone and keeps live ones and everything else', async () => {
    const dead = join(parent, `huitou-import-${deadPid()}-abc123`);
    mkdirSync(dead);
    writeFileSync(join(dead, '0-0-orders.csv'), 'x'.repeat(1000));
    const mine = join(parent, `huitou-import-${process.pid}-def456`);
    mkdirSync(mine);
    const parentPid = join(parent, `huitou-import-${process.ppid}-ghi789`);
    mkdirSync(parentPid);
    const other = join(parent, 'huitou-import-notapid');
    mkdirSync(other);
    const unrelated = join(parent, 'something-else-1-');
    mkdirSync(unrelated);
    expect(await removeOrphanBulkDirs(parent)).toEqual([dead.slice(parent.length + 1)]);
    expect(existsSync(dead)).toBe(false);
    for (const kept of [mine, parentPid, other, unrelated]) expect(existsSync(kept), kept).toBe(true);
  });

  it("removes an earlier version's folders (no pid in the name) once they are a day old", async () => {
    const old = join(parent, 'huitou-import-AbC123');
    const fresh = join(parent, 'huitou-import-XyZ789');
    mkdirSync(old);
    mkdirSync(fresh);
    const day = 24 * 3_600_000;
    utimesSync(old, new Date(Date.now() - day - 60_000), new Date(Date.now() - day - 60_000));
    expect(await removeOrphanBulkDirs(parent)).toEqual(['huitou-import-AbC123']);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(await removeOrphanBulkDirs(parent, Date.now() + day + 60_000)).toContain('huitou-import-XyZ789');
  });

  it('names a new folder after this process, sweeping orphans first', async () => {
    const dead = join(parent, `huitou-import-${deadPid()}-zzz000`);
    mkdirSync(dead);
    const made = await makeBulkDir(parent);
    expect(made.startsWith(join(parent, `huitou-import-${process.pid}-`))).toBe(true);
    expect(existsSync(made)).toBe(true);
    expect(existsSync(dead)).toBe(false);
    expect(await removeOrphanBulkDirs(join(parent, 'missing'))).toEqual([]);
  });
});
