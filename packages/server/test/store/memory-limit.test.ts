/**
 * The import's memory cap (Config.importMemoryLimit → Db.withMemoryLimit): parsed from the environment,
 * applied to DuckDB's instance-wide memory_limit for the import only and restored afterwards, also when two
 * connections overlap; an import under a small cap stores the same data, and one that runs out of memory under
 * it is run again without it.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/store/database.ts';
import { openStore } from '../../src/store/open-store.ts';
import { openTestStore, storedOrders, tableCounts } from '../importers/e2e/e2e-support.ts';
import { sharedData, tempDir } from '../support/paths.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** memory_limit in GiB, as DuckDB shows it (rounded down to 0.1 GiB). */
async function gib(db: Db): Promise<number> {
  const v = await memoryLimit(db);
  const [n, unit] = v.split(' ');
  return Number(n) / (unit === 'MiB' ? 1024 : unit === 'KiB' ? 1024 * 1024 : 1);
}

async function memoryLimit(db: Db): Promise<string> {
  const rows = await db.all<{ v: string }>(`SELECT current_setting('memory_limit') AS v`);
  return rows[0]!.v;
}

describe('import memory cap', () => {
  it('is 768MB by default, none when HUITOU_MEMORY_LIMIT is set or "off", and a checked size otherwise', () => {
    expect(loadConfig({}).importMemoryLimit).toBe('768MB');
    expect(loadConfig({ HUITOU_MEMORY_LIMIT: '4GB' }).importMemoryLimit).toBeNull();
    expect(loadConfig({ HUITOU_IMPORT_MEMORY_LIMIT: 'off' }).importMemoryLimit).toBeNull();
    expect(loadConfig({ HUITOU_IMPORT_MEMORY_LIMIT: '768MB', HUITOU_MEMORY_LIMIT: '4GB' }).importMemoryLimit).toBe('768MB');
    for (const bad of ['lots', '1GB; DROP TABLE orders', "1GB'", '', '-1GB']) {
      expect(() => loadConfig({ HUITOU_IMPORT_MEMORY_LIMIT: bad })).toThrow(ConfigError);
    }
  });

  it('caps DuckDB inside the call and restores the limit after it, also for overlapping connections and failures', async () => {
    const db = await openStore({ path: ':memory:', memoryLimit: '3GB' });
    const other = await db.fork();
    const original = await memoryLimit(db);
    let inside = '';
    await db.withMemoryLimit!('256MB', async () => {
      inside = await memoryLimit(other);
    });
    expect(inside).toMatch(/^2\d\d\.\d MiB$|^256\.0 MiB$|^244\.1 MiB$/);
    expect(await memoryLimit(db)).toBe(original);

    // Overlapping: A caps, B caps, A ends first, B ends: the original comes back only when both are done.
    let endA!: () => void;
    let endB!: () => void;
    const a = db.withMemoryLimit!('512MB', () => new Promise<void>((resolve) => (endA = resolve)));
    await new Promise((r) => setTimeout(r, 20));
    const b = other.withMemoryLimit!('256MB', () => new Promise<void>((resolve) => (endB = resolve)));
    await new Promise((r) => setTimeout(r, 20));
    endA();
    await a;
    expect(await memoryLimit(db)).not.toBe(original);
    endB();
    await b;
    expect(await memoryLimit(db)).toBe(original);

    await expect(db.withMemoryLimit!('1GB', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await memoryLimit(db)).toBe(original);
    await expect(db.withMemoryLimit!("1GB'; SELECT 1; --", () => Promise.resolve())).rejects.toThrow(/not a memory size/);
    expect(await memoryLimit(db)).toBe(original);
    other.close();
    db.close();
  });

  it('an import under a small cap stores exactly the same; one that runs out of memory under it runs again without it', async () => {
    const file = sharedData('CDNOW_master.txt');
    const free = await openTestStore(join(tmp.path, 'free.duckdb'));
    const freeReport = await free.import([file]);
    const expected = [...(await storedOrders(free.db)).values()].map(({ customer_id: _, ...o }) => o);
    for (const cap of ['128MB', '48MB']) {
      const capped = await openTestStore(join(tmp.path, `capped-${cap}.duckdb`));
      // DuckDB's default limit comes back at most one display step (0.1 GiB) lower, and stays there.
      const before = await gib(capped.db);
      const report = await capped.import([file], { memoryLimit: cap });
      const after = await gib(capped.db);
      expect(after, cap).toBeGreaterThanOrEqual(before - 0.1);
      await capped.import([file], { memoryLimit: cap });
      expect(await gib(capped.db), cap).toBe(after);
      expect(report.totals, cap).toEqual(freeReport.totals);
      expect(report.totals.ordersNew).toBe(69_659);
      // Under 48MB the first attempt ran out of memory (its batch number was taken, nothing was recorded)
      // and the unit ran again without the cap.
      expect(report.units[0]!.batchId, cap).toBe(cap === '48MB' ? 2 : 1);
      // 48MB is too little for this file: the out-of-memory attempt was rolled back and left no failed batch.
      // The second import above found every order unchanged; one batch more, nothing else.
      expect(await tableCounts(capped.db), cap).toEqual({ ...(await tableCounts(free.db)), batches: 2 });
      expect([...(await storedOrders(capped.db)).values()].map(({ customer_id: _, ...o }) => o), cap).toEqual(expected);
      capped.close();
    }
    free.close();
  }, 120_000);
});
