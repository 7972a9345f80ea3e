/**
 * Profiling aid for the merge alone. `capture DIR FILE…` imports the files up to the merge and saves the staged
 * tables as Parquet in DIR (nothing is committed); `replay DIR [RUNS]` merges them into a fresh store under the
 * import's memory cap, timing each statement and the commit, RUNS times (default 3), and prints the medians.
 * REPLAY_EXPLAIN=TEXT runs the merge statements that contain TEXT as EXPLAIN ANALYZE and prints their plans.
 * REPLAY_AGAIN=1 merges the same tables once first (untimed), so that the timed merge is a re-import of stored orders.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/store/database.ts';
import { importFiles } from '../../src/importers/pipeline/run-import.ts';
import { mergeStagedOrders } from '../../src/importers/pipeline/merge-orders.ts';
import { createStagingTables } from '../../src/importers/pipeline/staging.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ensureShop } from '../../src/store/repositories/shop.repository.ts';

const [mode, dir, ...rest] = process.argv.slice(2);
if (dir === undefined || (mode !== 'capture' && mode !== 'replay')) throw new Error('usage: merge-replay capture DIR FILE… | replay DIR [RUNS]');
const TABLES = ['stg_orders', 'stg_lines', 'stg_contacts', 'stg_files'];
const limit = loadConfig(process.env).importMemoryLimit;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** `db` with one method replaced (the others bound to `db`: a Db is a class instance, so a spread would lose them). */
function withMethod<K extends 'run' | 'all'>(db: Db, name: K, method: Db[K]): Db {
  return new Proxy(db, {
    get: (target, prop) => {
      if (prop === name) return method;
      const v: unknown = Reflect.get(target, prop);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

if (mode === 'capture') {
  mkdirSync(dir, { recursive: true });
  const dbPath = `${dir}/capture.duckdb`;
  rmSync(dbPath, { force: true });
  const inner = await openStore({ path: dbPath });
  const shop = await ensureShop(inner, 'bench', 'Asia/Shanghai');
  let saved = false;
  // Saves the staged tables when the merge's first statement comes, then fails the unit (rolled back).
  const all: Db['all'] = async (sql, params) => {
    if (!saved && sql.startsWith('SELECT 1 AS x FROM orders WHERE shop_id')) {
      for (const t of TABLES) await inner.run(`COPY ${t} TO '${dir}/${t}.parquet' (FORMAT parquet)`);
      saved = true;
      throw new Error('captured');
    }
    return inner.all(sql, params);
  };
  const db = withMethod(inner, 'all', all);
  const report = await importFiles(db, { shopId: shop.shopId, timeZone: 'Asia/Shanghai', files: rest, format: null, strict: false, columnMap: null, memoryLimit: limit });
  console.log(saved ? `staged tables saved in ${dir}` : 'not captured', report.totals.rowsRead);
  inner.close();
} else {
  const runs = Number(rest[0] ?? 3);
  const totals: number[] = [];
  const commits: number[] = [];
  const perStatement = new Map<string, number[]>();
  for (let r = 0; r < runs; r++) {
    const dbPath = `${dir}/replay.duckdb`;
    rmSync(dbPath, { force: true });
    rmSync(`${dbPath}.wal`, { force: true });
    const seen = new Map<string, number>();
    let tracing = false;
    const traced = await openStore({ path: dbPath, trace: (ms, sql) => {
      if (!tracing) return;
      const key = sql.replace(/\s+/g, ' ').slice(0, 90);
      seen.set(key, (seen.get(key) ?? 0) + ms);
    } });
    const explain = process.env['REPLAY_EXPLAIN'];
    const run: Db['run'] = async (sql, params) => {
      if (explain === undefined || !tracing || !sql.includes(explain)) return traced.run(sql, params);
      const rows = await traced.all(`EXPLAIN ANALYZE ${sql}`, params);
      for (const row of rows) console.log(String(row['explain_value']));
    };
    const db = withMethod(traced, 'run', run);
    const shop = await ensureShop(db, 'bench', 'Asia/Shanghai');
    let mergeMs = 0;
    let mergeCpuMs = 0;
    const again = process.env['REPLAY_AGAIN'] === '1';
    const merge = async (timed: boolean) => db.transaction(async () => {
      await createStagingTables(db);
      await db.run(`CREATE TEMP TABLE stg_files (file_idx INTEGER, file VARCHAR)`);
      for (const t of TABLES) await db.run(`INSERT INTO ${t} SELECT * FROM read_parquet('${dir}/${t}.parquet')`);
      const staged = { lines: 1, contacts: Number((await db.all<{ n: number }>(`SELECT count(*) AS n FROM stg_contacts`))[0]?.n ?? 0) };
      tracing = timed;
      const m0 = performance.now();
      const c0 = process.cpuUsage();
      const counts = await mergeStagedOrders(db, { shopId: shop.shopId, platform: 'taobao', batchId: 1, staged });
      if (timed) {
        mergeMs = performance.now() - m0;
        const cpu = process.cpuUsage(c0);
        mergeCpuMs = (cpu.user + cpu.system) / 1000;
      }
      tracing = false;
      return counts;
    });
    const capped = (timed: boolean) => (db.withMemoryLimit === undefined || limit === null ? merge(timed) : db.withMemoryLimit(limit, () => merge(timed)));
    let t0 = performance.now();
    if (again) {
      await capped(false);
      t0 = performance.now();
    }
    const counts = await capped(true);
    const total = performance.now() - t0;
    db.close();
    const commitMs = total - mergeMs; // includes loading the Parquet files (printed separately below)
    totals.push(mergeMs);
    commits.push(commitMs);
    for (const [k, ms] of seen) perStatement.set(k, [...(perStatement.get(k) ?? []), ms]);
    console.log(`run ${r + 1}: merge ${(mergeMs / 1000).toFixed(2)} s (CPU ${(mergeCpuMs / 1000).toFixed(2)} s), load + commit ${(commitMs / 1000).toFixed(2)} s`, JSON.stringify(counts));
  }
  for (const [k, xs] of [...perStatement].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 22)) console.log(`${median(xs).toFixed(0).padStart(6)} ms  ${k}`);
  console.log(`median merge ${(median(totals) / 1000).toFixed(2)} s; load + commit ${(median(commits) / 1000).toFixed(2)} s`);
}
