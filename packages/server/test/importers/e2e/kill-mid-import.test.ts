/**
 * One file is one transaction: a child process imports a 300,000-order file into a DuckDB file and is SIGKILLed
 * once while rows are being staged and once during the merge. Each time the database opens and holds exactly
 * what an earlier small import left there: no partial orders, lines, customers or batch rows.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/paths.ts';
import type { StoredOrder } from './e2e-support.ts';
import { csvText, openTestStore, storedCustomers, storedOrders, tableCounts, writeFixture } from './e2e-support.ts';

const WORKER = fileURLToPath(new URL('./import-worker.ts', import.meta.url));
const BIG_ORDERS = 300_000;

interface KilledRun {
  readonly signal: NodeJS.Signals | null;
  readonly progress: number;
  readonly finished: boolean;
}

/**
 * Starts the worker and SIGKILLs it `delayMs` after the first stdout line with `progress >= killAtRows`.
 * Resolves when the child is gone.
 */
function importAndKill(db: string, file: string, killAtRows: number, delayMs: number): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, db, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let progress = 0;
    let armed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      for (const m of chunk.matchAll(/progress (\d+)/g)) progress = Math.max(progress, Number(m[1]));
      if (!armed && progress >= killAtRows) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`worker exited ${code}: ${err}`));
      else resolve({ signal, progress, finished: out.includes('done ') });
    });
  });
}

describe('SIGKILL mid-import', () => {
  const tmp = tempDir();
  const db = join(tmp.path, 'shop.duckdb');
  let small = '';
  let big = '';
  let before: { counts: Awaited<ReturnType<typeof tableCounts>>; orders: Map<string, StoredOrder>; customers: number };

  beforeAll(async () => {
    const header = ['order_id', 'customer_id', 'order_time', 'amount', 'sku', 'title', 'quantity', 'unit_price'];
    small = writeFixture(tmp.path, 'small.csv', csvText([header, ...Array.from({ length: 50 }, (_, i) => [`S${i}`, `C${i % 20}`, '2024-01-05 10:00:00', '10.00', 'SKU-1', '茶叶', '1', '10.00'])]));
    const lines: string[] = [header.join(',')];
    for (let i = 0; i < BIG_ORDERS; i++) {
      // The first 50 orders of the big file are the small file's orders with a changed amount: a partial write
      // would show up as updated rows, not only as extra ones.
      const id = i < 50 ? `S${i}` : `K${i}`;
      lines.push(`${id},C${i % 40_000},2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')} 10:00:00,${(i % 900) + 11}.00,SKU-${i % 50},商品${i % 50},1,${(i % 900) + 11}.00`);
    }
    big = writeFixture(tmp.path, 'big.csv', `${lines.join('\n')}\n`);
    const store = await openTestStore(db);
    const r = await store.import([small]);
    expect(r.totals).toMatchObject({ ordersNew: 50, failed: 0 });
    before = { counts: await tableCounts(store.db), orders: await storedOrders(store.db), customers: (await storedCustomers(store.db)).size };
    store.close();
  }, 30_000);
  afterAll(() => tmp.remove());

  async function expectUnchanged(): Promise<void> {
    const store = await openTestStore(db);
    try {
      expect(await tableCounts(store.db)).toEqual(before.counts);
      expect(await storedOrders(store.db)).toEqual(before.orders);
      expect((await storedCustomers(store.db)).size).toBe(before.customers);
      expect(await store.db.all(`SELECT count(*) n FROM import_issues`)).toEqual([{ n: 0 }]);
    } finally {
      store.close();
    }
  }

  it('killed while rows are being staged: the database opens and holds only the earlier import', async () => {
    const run = await importAndKill(db, big, 16_384, 0);
    expect(run).toMatchObject({ signal: 'SIGKILL', finished: false });
    expect(run.progress).toBeGreaterThanOrEqual(16_384);
    await expectUnchanged();
  }, 60_000);

  it('killed during the merge (all rows read): the database opens and holds only the earlier import', async () => {
    const lastProgress = Math.floor(BIG_ORDERS / 16_384) * 16_384;
    const run = await importAndKill(db, big, lastProgress, 150);
    expect(run).toMatchObject({ signal: 'SIGKILL', finished: false, progress: lastProgress });
    await expectUnchanged();
  }, 60_000);

  it('after the kills the store still works: the earlier file re-imports as unchanged', async () => {
    const store = await openTestStore(db);
    const r = await store.import([small]);
    expect(r.totals).toMatchObject({ ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 50, failed: 0 });
    store.close();
  });
});
