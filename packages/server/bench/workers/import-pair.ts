/**
 * Benchmark worker: imports files into a fresh database, then imports them again (a re-import: every order
 * unchanged), and prints {ms, readMs, mergeMs, againMs, maxRssMb, …} as JSON. Peak memory covers both.
 */
import { rmSync } from 'node:fs';
import { loadConfig } from '../../src/config.ts';
import { importFiles } from '../../src/importers/pipeline/run-import.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ensureShop } from '../../src/store/repositories/shop.repository.ts';

const [dbPath, ...files] = process.argv.slice(2);
if (dbPath === undefined || files.length === 0) throw new Error('usage: import-pair DB FILE…');
rmSync(dbPath, { force: true });
rmSync(`${dbPath}.wal`, { force: true });
const db = await openStore({ path: dbPath, ...(process.env['HUITOU_MEMORY_LIMIT'] === undefined ? {} : { memoryLimit: process.env['HUITOU_MEMORY_LIMIT'] }) });
const shop = await ensureShop(db, 'bench', 'Asia/Shanghai');
const t0 = performance.now();
// When the (one) unit's rows are read and its merge begins: splits the time into reading and merging.
let readMs = Number.NaN;
const report = await importFiles(db, { shopId: shop.shopId, timeZone: 'Asia/Shanghai', files, format: null, strict: false, columnMap: null, memoryLimit: loadConfig(process.env).importMemoryLimit,
  onMerge: () => { readMs = performance.now() - t0; },
  ...(process.env['HUITOU_IMPORT_WORKERS'] === '0' ? { workerMinBytes: Number.POSITIVE_INFINITY } : {}) });
const ms = performance.now() - t0;
// The same files again, in the same process: the re-import of an export that overlaps the last one (here wholly).
const t1 = performance.now();
const again = await importFiles(db, { shopId: shop.shopId, timeZone: 'Asia/Shanghai', files, format: null, strict: false, columnMap: null, memoryLimit: loadConfig(process.env).importMemoryLimit });
const againMs = performance.now() - t1;
db.close();
console.log(JSON.stringify({ ms, readMs, mergeMs: ms - readMs, againMs, againUnchanged: again.totals.ordersUnchanged, maxRssMb: process.resourceUsage().maxRSS / 1024, ...report.totals }));
