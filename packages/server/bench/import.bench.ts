/**
 * npm run bench:import — generates a 1,000,000-order Taobao legacy export pair (GBK), imports it into a
 * fresh DuckDB file and prints order rows per second, peak memory, and the ratio to DuckDB's own read_csv
 * of the same order file converted to UTF-8, measured in the same run. A second baseline is the floor of the
 * store itself (workers/sql-floor.ts): both files converted to UTF-8, read by read_csv and written into the same
 * tables by plain SQL with none of the importer's work, with the tables' keys and without. Each measurement runs
 * in a fresh process (so peak memory is the import's own); medians of RUNS runs. Each import worker then imports the
 * pair again into the same store and times that re-import (every order unchanged).
 *
 * Options (env): BENCH_ORDERS (default 1000000), BENCH_RUNS (default 3), BENCH_DIR (default ./.bench/import);
 * HUITOU_MEMORY_LIMIT (DuckDB memory_limit of the instance, as in the CLI; default DuckDB's own, 80 % of RAM);
 * HUITOU_IMPORT_MEMORY_LIMIT (the cap while the import runs, as in the CLI; default 768MB, "off" for none).
 */
import { createReadStream, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { writeTaobaoExportPair } from '../src/demo/index.ts';
import { loadAverage, median, runWorker } from './support/measure.ts';
import type { WorkerResult } from './support/measure.ts';

const orders = Number(process.env['BENCH_ORDERS'] ?? 1_000_000);
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const dir = resolve(process.env['BENCH_DIR'] ?? '.bench/import');
await mkdir(dir, { recursive: true });

const marker = join(dir, `pair-${orders}.json`);
let files: { orderFile: string; detailFile: string; lines: number; bytes: number };
if (existsSync(marker)) {
  files = JSON.parse(readFileSync(marker, 'utf8')) as typeof files;
  console.log(`reusing ${files.orderFile}`);
} else {
  const t0 = performance.now();
  const written = await writeTaobaoExportPair(join(dir, `pair-${orders}`), { orders, seed: 7, endDate: '2026-06-30' });
  files = { orderFile: written.orderFile, detailFile: written.detailFile, lines: written.lines, bytes: written.bytes };
  writeFileSync(marker, JSON.stringify(files));
  console.log(`generated ${orders.toLocaleString()} orders / ${written.lines.toLocaleString()} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** The GB18030 file converted to UTF-8 at `target` (once; kept with the generated files). */
async function toUtf8(source: string, target: string): Promise<string> {
  if (existsSync(target)) return target;
  const decoder = new TextDecoder('gb18030');
  await pipeline(
    createReadStream(source),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
      yield decoder.decode();
    },
    createWriteStream(target),
  );
  return target;
}
const utf8 = await toUtf8(files.orderFile, join(dir, `orders-${orders}-utf8.csv`));
const itemsUtf8 = await toUtf8(files.detailFile, join(dir, `items-${orders}-utf8.csv`));

console.log(`machine load average before: ${loadAverage()}; HUITOU_MEMORY_LIMIT=${process.env['HUITOU_MEMORY_LIMIT'] ?? '(unset)'}; HUITOU_IMPORT_MEMORY_LIMIT=${process.env['HUITOU_IMPORT_MEMORY_LIMIT'] ?? '(unset: 768MB)'}`);
const baseline: WorkerResult[] = [];
const imports: WorkerResult[] = [];
const floors: WorkerResult[] = [];
const plainFloors: WorkerResult[] = [];
const noIndexes = { ...process.env, FLOOR_NO_INDEXES: '1' };
for (let i = 0; i < runs; i++) {
  baseline.push(runWorker('duckdb-read-csv', [utf8]));
  imports.push(runWorker('import-pair', [join(dir, 'bench.duckdb'), files.orderFile, files.detailFile]));
  floors.push(runWorker('sql-floor', [join(dir, 'floor.duckdb'), utf8, itemsUtf8]));
  plainFloors.push(runWorker('sql-floor', [join(dir, 'floor.duckdb'), utf8, itemsUtf8], noIndexes));
}
const importMs = median(imports.map((r) => r.ms));
const baseMs = median(baseline.map((r) => r.ms));
const first = imports[0]!;
console.log(`orders imported: ${String(first['ordersNew'])}, lines: ${String(first['lines'])}, errors: ${String(first['errors'])}`);
console.log(`huitou import (pair, GBK)   median ${(importMs / 1000).toFixed(2)} s   runs ${imports.map((r) => (r.ms / 1000).toFixed(2)).join(' ')}`);
console.log(`  order rows/s              ${Math.round(orders / (importMs / 1000)).toLocaleString()}`);
const phase = (key: string): string => (median(imports.map((r) => Number(r[key]))) / 1000).toFixed(2);
console.log(`  read + map (both files)   median ${phase('readMs')} s; merge + commit median ${phase('mergeMs')} s`);
console.log(`  peak memory               ${Math.max(...imports.map((r) => r.maxRssMb)).toFixed(0)} MB (first import and re-import)`);
const againMs = median(imports.map((r) => Number(r['againMs'])));
console.log(`huitou re-import (same pair again, all unchanged: ${String(first['againUnchanged'])}) median ${(againMs / 1000).toFixed(2)} s   runs ${imports.map((r) => (Number(r['againMs']) / 1000).toFixed(2)).join(' ')}`);
console.log(`duckdb read_csv (orders, UTF-8) median ${(baseMs / 1000).toFixed(2)} s   runs ${baseline.map((r) => (r.ms / 1000).toFixed(2)).join(' ')}`);
console.log(`ratio import / read_csv     ${(importMs / baseMs).toFixed(2)}×; re-import / read_csv ${(againMs / baseMs).toFixed(2)}×`);
const floorMs = median(floors.map((r) => r.ms));
const plainMs = median(plainFloors.map((r) => r.ms));
const rate = (ms: number): string => `${Math.round(orders / (ms / 1000)).toLocaleString()} order rows/s`;
console.log(`store floor: UTF-8 pair by plain SQL, no cleaning (workers/sql-floor.ts)`);
console.log(`  with the tables' keys     median ${(floorMs / 1000).toFixed(2)} s (${rate(floorMs)}, ${(floorMs / baseMs).toFixed(2)}× read_csv)   runs ${floors.map((r) => (r.ms / 1000).toFixed(2)).join(' ')}`);
console.log(`  without keys or indexes   median ${(plainMs / 1000).toFixed(2)} s (${rate(plainMs)}, ${(plainMs / baseMs).toFixed(2)}× read_csv)   runs ${plainFloors.map((r) => (r.ms / 1000).toFixed(2)).join(' ')}`);
console.log(`ratio import / store floor ${(importMs / floorMs).toFixed(2)}×`);
console.log(`machine load average after: ${loadAverage()}`);
