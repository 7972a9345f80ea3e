/**
 * npm run bench:analyze — builds a 10,000,000-order / 1,000,000-customer shop (cached in .bench/analyze),
 * runs the whole `analyze` in a fresh process and prints wall time, peak memory and the ratio to one
 * hand-written DuckDB query computing RFM scores on the same data, measured in the same run (medians).
 * Env: BENCH_ORDERS, BENCH_CUSTOMERS, BENCH_RUNS (default 3), BENCH_DIR, BENCH_MEMORY_LIMIT (DuckDB's).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAverage, median, runWorker } from './support/measure.ts';

const orders = Number(process.env['BENCH_ORDERS'] ?? 10_000_000);
const customers = Number(process.env['BENCH_CUSTOMERS'] ?? 1_000_000);
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const memoryLimit = process.env['BENCH_MEMORY_LIMIT'] ?? '3GB';
const dir = resolve(process.env['BENCH_DIR'] ?? '.bench/analyze');
mkdirSync(dir, { recursive: true });
const db = join(dir, `shop-${orders}-${customers}.duckdb`);
const marker = `${db}.json`;
if (!existsSync(marker)) {
  const made = runWorker('make-analyze-shop', [db, String(orders), String(customers)]);
  writeFileSync(marker, JSON.stringify(made));
  console.log(`built ${db} in ${(made.ms / 1000).toFixed(1)} s`);
} else {
  console.log(`reusing ${db}`);
}
const shape = JSON.parse(readFileSync(marker, 'utf8')) as Record<string, number>;
console.log(`shop: ${shape['orders']?.toLocaleString()} orders, ${shape['lines']?.toLocaleString()} lines, ${shape['customers']?.toLocaleString()} customers`);
console.log(`machine load average before: ${loadAverage()}; DuckDB memory_limit ${memoryLimit}`);
const analyses = [];
const baselines = [];
for (let i = 0; i < runs; i++) {
  baselines.push(runWorker('duckdb-rfm', [db, memoryLimit]));
  analyses.push(runWorker('analyze-shop', [db, '2026-06-30', memoryLimit]));
}
const ms = median(analyses.map((r) => r.ms));
const base = median(baselines.map((r) => r.ms));
console.log(`huitou analyze          median ${(ms / 1000).toFixed(2)} s   runs ${analyses.map((r) => (r.ms / 1000).toFixed(2)).join(' ')}`);
console.log(`  peak memory           ${Math.max(...analyses.map((r) => r.maxRssMb)).toFixed(0)} MB`);
const steps = analyses[0]?.['timings'] as Record<string, number> | undefined;
if (steps !== undefined) console.log(`  steps (first run, ms) ${Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
console.log(`duckdb RFM query       median ${(base / 1000).toFixed(2)} s   runs ${baselines.map((r) => (r.ms / 1000).toFixed(2)).join(' ')}   peak ${Math.max(...baselines.map((r) => r.maxRssMb)).toFixed(0)} MB`);
console.log(`ratio analyze / RFM query  ${(ms / base).toFixed(1)}×`);
console.log(`machine load average after: ${loadAverage()}`);
