/**
 * Child process for kill-mid-import.test.ts: imports FILE… into the DuckDB file DB, printing `progress <rows>`
 * as rows are read and `done <json totals>` at the end. The test SIGKILLs it part-way.
 */
import { importFiles } from '../../../src/importers/pipeline/run-import.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { ensureShop } from '../../../src/store/repositories/shop.repository.ts';

const [dbPath, ...files] = process.argv.slice(2);
if (dbPath === undefined || files.length === 0) throw new Error('usage: import-worker DB FILE…');
const db = await openStore({ path: dbPath });
const shop = await ensureShop(db, 'e2e', 'Asia/Shanghai');
process.stdout.write('opened\n');
const report = await importFiles(db, {
  shopId: shop.shopId,
  timeZone: 'Asia/Shanghai',
  files,
  format: null,
  strict: false,
  columnMap: null,
  onProgress: (_file, rows) => process.stdout.write(`progress ${rows}\n`),
});
process.stdout.write(`done ${JSON.stringify(report.totals)}\n`);
db.close();
