/**
 * Profiling aid: imports files with every SQL statement timed, then prints the slowest statements.
 * TRACE_TIMELINE=1 also prints, as they finish, statements over 150 ms with their end time since the start
 * (shows when each table's worker was done: its `bulk load` line).
 */
import { rmSync } from 'node:fs';
import { loadConfig } from '../../src/config.ts';
import { importFiles } from '../../src/importers/pipeline/run-import.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ensureShop } from '../../src/store/repositories/shop.repository.ts';

const [dbPath, ...files] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: import-trace DB FILE…');
rmSync(dbPath, { force: true });
const timings: [number, string][] = [];
const timeline = process.env['TRACE_TIMELINE'] === '1';
let t0 = 0;
const db = await openStore({ path: dbPath, ...(process.env['HUITOU_MEMORY_LIMIT'] === undefined ? {} : { memoryLimit: process.env['HUITOU_MEMORY_LIMIT'] }), trace: (ms, sql) => {
  timings.push([ms, sql]);
  if (timeline && ms > 150) console.log(`  @${((performance.now() - t0) / 1000).toFixed(2)} s  +${ms.toFixed(0)} ms  ${sql.slice(0, 70)}`);
}  });
const shop = await ensureShop(db, 'bench', 'Asia/Shanghai');
t0 = performance.now();
let firstSqlAfterFill = 0;
const report = await importFiles(db, {
  shopId: shop.shopId, timeZone: 'Asia/Shanghai', files: [...files], format: null, strict: false, columnMap: null, memoryLimit: loadConfig(process.env).importMemoryLimit,
  ...(process.env['HUITOU_IMPORT_WORKERS'] === '0' ? { workerMinBytes: Number.POSITIVE_INFINITY } : {}),
  onProgress: () => { firstSqlAfterFill = performance.now(); },
});
const total = performance.now() - t0;
const sqlMs = timings.reduce((a, [ms]) => a + ms, 0);
console.log(`total ${(total / 1000).toFixed(2)} s; SQL ${(sqlMs / 1000).toFixed(2)} s; last progress at ${((firstSqlAfterFill - t0) / 1000).toFixed(2)} s; rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
for (const [ms, sql] of timings.sort((a, b) => b[0] - a[0]).slice(0, 14)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${sql}`);
console.log(JSON.stringify(report.totals));
db.close();
