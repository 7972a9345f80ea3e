/**
 * Times campaignResults on the results benchmark's shop against two baselines measured in the same process,
 * interleaved run by run: a plain scan of the touches table (what `campaign status` reads), a plain scan
 * of the orders, and the bare touches ⋈ orders join that any attribution needs. One warm-up each, then RUNS timed runs. Prints one JSON line.
 *
 *   node --import tsx results-run.ts DB RUNS
 */
import { campaignResults } from '../../src/engine/results/index.ts';
import { openStore } from '../../src/store/open-store.ts';

const [dbPath, runsArg] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: results-run DB RUNS');
const runs = Number(runsArg ?? 5);
const db = await openStore({ path: dbPath });
const nowMs = Date.UTC(2026, 7, 1);
const jobs = {
  touchesScan: () => db.all(`SELECT campaign_id, status, count(*) AS n, sum(cost_cents) AS cost FROM touches WHERE shop_id = 1 GROUP BY 1, 2`),
  ordersScan: () => db.all(`SELECT status, count(*) AS n, sum(amount - refund) AS net FROM orders WHERE shop_id = 1 GROUP BY 1`),
  // The bare join every attribution needs (each touch's orders after its reference time), no windows or groups.
  bareJoin: () => db.all(`SELECT count(*) AS n, sum(o.amount) AS s FROM touches t JOIN orders o ON o.shop_id = t.shop_id AND o.customer_id = t.customer_id
    AND o.order_time >= coalesce(t.sent_at, t.not_before) WHERE t.shop_id = 1`),
  results: () => campaignResults(db, 1, { nowMs }),
  resultsWindow30: () => campaignResults(db, 1, { nowMs, windowDays: 30 }),
};
const times: Record<string, number[]> = {};
let summary: unknown = null;
for (let r = 0; r <= runs; r++) {
  for (const [name, job] of Object.entries(jobs)) {
    const t = performance.now();
    const out = await job();
    const ms = performance.now() - t;
    if (r > 0) (times[name] ??= []).push(ms);
    if (name === 'results' && r === 0 && !Array.isArray(out)) summary = out.campaigns[0]?.totals;
  }
}
db.close();
console.log(JSON.stringify({ ms: 0, times, summary, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
