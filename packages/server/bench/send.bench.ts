/**
 * npm run bench:send — plans one SMS marketing campaign for a 1,000,000-customer shop (customers + consent
 * built in SQL, cached in .bench/send) with planCampaignDay, then sends every touch with the Aliyun client to
 * the SMS simulator running in its own process. Prints plan time, messages/s end to end, the sender's peak
 * memory (max RSS of its process), where the send time went, and the load average.
 * Env: BENCH_SEND_CUSTOMERS (1,000,000), BENCH_SEND_BATCH (2000), BENCH_SEND_CONCURRENCY (128),
 * BENCH_SEND_PLAN_RUNS (1), BENCH_DIR (.bench/send).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { daytimeZone } from '../test/reliability/reliability-shop.ts';
import { loadAverage, median, runWorker } from './support/measure.ts';

const customers = Number(process.env['BENCH_SEND_CUSTOMERS'] ?? 1_000_000);
const batch = Number(process.env['BENCH_SEND_BATCH'] ?? 2000);
const concurrency = Number(process.env['BENCH_SEND_CONCURRENCY'] ?? 128);
const planRuns = Number(process.env['BENCH_SEND_PLAN_RUNS'] ?? 1);
const dir = resolve(process.env['BENCH_DIR'] ?? '.bench/send');
mkdirSync(dir, { recursive: true });
// A zone where it is daytime now, so marketing planned now is inside the 08:00–21:00 window while it is sent.
const timeZone = daytimeZone(Date.now());
const shop = join(dir, `shop-${customers}-${timeZone.replace('/', '_')}.duckdb`);
if (!existsSync(`${shop}.json`)) {
  const made = runWorker('send-shop', [shop, String(customers), timeZone]);
  writeFileSync(`${shop}.json`, JSON.stringify(made));
  console.log(`built ${shop} in ${(made.ms / 1000).toFixed(1)} s`);
} else console.log(`reusing ${shop}`);
console.log(`${customers.toLocaleString()} customers, zone ${timeZone}; batch ${batch}, concurrency ${concurrency}`);
console.log(`machine load average before: ${loadAverage()}`);

const work = join(dir, 'plan.duckdb');
const fresh = () => {
  rmSync(work, { force: true });
  rmSync(`${work}.wal`, { force: true });
  copyFileSync(shop, work);
};
const plans = [];
for (let i = 0; i < planRuns; i++) {
  fresh();
  plans.push(runWorker('send-plan', [work, timeZone]));
}
const planMs = median(plans.map((p) => p.ms));
console.log(`plan (planCampaignDay)  median ${(planMs / 1000).toFixed(2)} s   runs ${plans.map((p) => (p.ms / 1000).toFixed(2)).join(' ')}   queued ${String(plans[0]?.['queued'])}   peak ${Math.max(...plans.map((p) => p.maxRssMb)).toFixed(0)} MB`);
console.log(`  slowest statements (ms) ${JSON.stringify(plans[0]?.['statements'])}`);

const simScript = fileURLToPath(new URL('./workers/send-sim.ts', import.meta.url));
const sim = spawn(process.execPath, ['--import', 'tsx', simScript], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolveUrl, reject) => {
  let out = '';
  sim.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    const line = out.split('\n').find((l) => l.startsWith('{'));
    if (line !== undefined) resolveUrl((JSON.parse(line) as { url: string }).url);
  });
  sim.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
});
try {
  const run = runWorker('send-run', [work, url, timeZone, String(batch), String(concurrency)]);
  const simStats = (await (await fetch(`${url}/sim/stats`)).json()) as { accepted: number; duplicates: number; requests: number };
  console.log(`send                   ${(run.ms / 1000).toFixed(1)} s   ${Math.round(Number(run['perSecond'])).toLocaleString()} messages/s end to end   sent ${String(run['sent'])}   batches ${String(run['batches'])}`);
  console.log(`  sender peak memory   ${run.maxRssMb.toFixed(0)} MB   sender CPU ${(Number(run['cpuMs']) / 1000).toFixed(1)} s`);
  console.log(`  database time (ms)   ${JSON.stringify(run['dbMs'])}`);
  console.log(`  HTTP sending (ms)    ${String(run['sendingMs'])} (time with at least one request in flight)`);
  console.log(`  simulator            accepted ${simStats.accepted}, duplicates ${simStats.duplicates}, requests ${simStats.requests}`);
  console.log(`  touches              ${JSON.stringify(run['statuses'])}`);
} finally {
  sim.kill('SIGTERM');
}
console.log(`machine load average after: ${loadAverage()}`);
