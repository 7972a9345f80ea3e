/**
 * Plans the send benchmark's campaign (one SMS marketing campaign, everyone, no holdout, firing now) with
 * planCampaignDay and prints its wall time, the per-statement database time and peak memory.
 *
 *   node --import tsx send-plan.ts DB TIME_ZONE
 */
import { openStore } from '../../src/store/open-store.ts';
import { planNow } from '../../test/reliability/reliability-shop.ts';

const [dbPath, timeZone] = process.argv.slice(2);
if (dbPath === undefined || timeZone === undefined) throw new Error('usage: send-plan DB TIME_ZONE');
const statements: Record<string, number> = {};
const db = await openStore({ path: dbPath, trace: (ms, sql) => {
  const key = sql.replace(/\s+/g, ' ').trim().slice(0, 40);
  statements[key] = (statements[key] ?? 0) + ms;
} });
const t0 = performance.now();
const plan = await planNow(db, Date.now(), timeZone, 'bench-send');
const ms = performance.now() - t0;
db.close();
const top = Object.fromEntries(Object.entries(statements).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => [k, Math.round(v)]));
console.log(JSON.stringify({ ms, queued: plan.queued, audience: plan.audience, maxRssMb: process.resourceUsage().maxRSS / 1024, statements: top }));
