/**
 * Campaign results benchmark (run with `node --import tsx packages/server/bench/results.bench.ts`): a shop
 * of N customers with one marketing campaign planned for all of them (10 % holdout, two variants, a coupon
 * each), every touch sent, and about two orders per customer (built once, cached in .bench/results), then
 * campaignResults timed against a plain scan of the touches table measured in the same process.
 * Prints medians and the ratio to that baseline.
 * Env: BENCH_RESULTS_CUSTOMERS (1,000,000), BENCH_RESULTS_RUNS (5), BENCH_DIR (.bench/results).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAverage, median, runWorker } from './support/measure.ts';

const customers = Number(process.env['BENCH_RESULTS_CUSTOMERS'] ?? 1_000_000);
const runs = Number(process.env['BENCH_RESULTS_RUNS'] ?? 5);
const dir = resolve(process.env['BENCH_DIR'] ?? '.bench/results');
mkdirSync(dir, { recursive: true });
const shop = join(dir, `shop-${customers}.duckdb`);
if (!existsSync(`${shop}.json`)) {
  const made = runWorker('results-shop', [shop, String(customers)]);
  writeFileSync(`${shop}.json`, JSON.stringify(made));
  console.log(`built ${shop} in ${(made.ms / 1000).toFixed(1)} s (plan ${(Number(made['planMs']) / 1000).toFixed(1)} s): ${String(made['touches'])} touches, ${String(made['orders'])} orders`);
} else console.log(`reusing ${shop}`);
console.log(`${customers.toLocaleString()} customers; ${runs} runs after one warm-up; machine load average before: ${loadAverage()}`);
const run = runWorker('results-run', [shop, String(runs)]);
const times = run['times'] as Record<string, number[]>;
const base = median(times['touchesScan'] ?? []);
for (const [name, list] of Object.entries(times)) {
  const m = median(list);
  console.log(`${name.padEnd(16)} median ${m.toFixed(1).padStart(8)} ms   ×${(m / base).toFixed(1).padStart(6)} the touches scan   runs ${list.map((x) => x.toFixed(0)).join(' ')}`);
}
console.log(`peak memory ${run.maxRssMb.toFixed(0)} MB; totals ${JSON.stringify(run['summary'])}`);
console.log(`machine load average after: ${loadAverage()}`);
