/**
 * Builds the results benchmark's shop: N customers with SMS marketing consent (as the send benchmark), one
 * marketing campaign planned with planCampaignDay (10 % holdout, variants A and B, a 满150减20 coupon per
 * message), every queued touch marked sent within an hour of its due time, and about two orders per customer
 * spread over 30 days either side of the send (5 % refunded, 2 % of treated customers redeeming their code).
 * Prints one JSON line.
 *
 *   node --import tsx results-shop.ts DB CUSTOMERS
 */
import { rmSync } from 'node:fs';
import { localDayAt } from '@huitou/core';
import { parseCampaignText } from '../../src/engine/campaigns/campaign-definition.ts';
import { couponSecret, saveCampaign } from '../../src/engine/campaigns/campaign-store.ts';
import { planCampaignDay } from '../../src/engine/campaigns/plan-occurrence.ts';
import { openStore } from '../../src/store/open-store.ts';
import { makeShop, SIGN_NAME } from '../../test/reliability/reliability-shop.ts';

const [dbPath, customersArg] = process.argv.slice(2);
if (dbPath === undefined) throw new Error('usage: results-shop DB CUSTOMERS');
const customers = Number(customersArg ?? 1_000_000);
const zone = 'Asia/Shanghai';
const sendMs = Date.UTC(2026, 5, 30, 2, 0);
rmSync(dbPath, { force: true });
rmSync(`${dbPath}.wal`, { force: true });
const t0 = performance.now();
const db = await openStore({ path: dbPath });
await makeShop(db, customers, zone);
const parsed = parseCampaignText(
  `key: bench-results
name: 效果基准
kind: marketing
trigger: { kind: once, at: { year: 2026, month: 6, day: 30, hour: 10, minute: 0 } }
channels: [sms]
holdout: 0.1
offer: { kind: threshold, threshold: 150, amount: 20, validDays: 14 }
content:
  sms:
    - key: A
      text: "【${SIGN_NAME}】送您{{coupon.value}}券，码{{coupon.code}}。回T退订"
    - key: B
      text: "【${SIGN_NAME}】{{customer.name}}，{{coupon.value}}等您来。回T退订"
`,
  { signName: SIGN_NAME },
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const campaignId = await saveCampaign(db, 1, parsed.campaign);
const planned = await planCampaignDay(db, {
  campaignId, definition: parsed.campaign, shop: { shopId: 1, name: SIGN_NAME, timeZone: zone }, day: localDayAt(sendMs, zone), nowMs: sendMs,
  couponSecret: await couponSecret(db), costPerMessageCents: { sms: 4.5 },
});
if (!planned.ok) throw new Error(planned.message);
const planMs = performance.now() - t0;
await db.run(`SELECT setseed(0.42)`);
await db.run(`UPDATE touches SET status = 'sent', sent_at = not_before + CAST(floor(random() * 3600) AS INTEGER) * INTERVAL '1 second', cost_cents = 4.5 WHERE status = 'queued'`);
await db.run(
  `INSERT INTO orders (shop_id, platform, order_no, customer_id, order_time, status, raw_status, amount, refund, coupon_code, content_hash, created_batch, updated_batch)
   SELECT 1, 'bench', 'R' || i, 1 + CAST(floor(random() * $1) AS BIGINT),
     to_timestamp($2 / 1000.0) + CAST(floor((random() - 0.5) * 60 * 86400) AS INTEGER) * INTERVAL '1 second',
     CASE WHEN random() < 0.05 THEN 'refunded' ELSE 'completed' END, 'x', round(50 + random() * 250, 2), 0, NULL, 'h', 1, 1
   FROM range(1, 2 * $1 + 1) t(i)`,
  [customers, sendMs],
);
await db.run(
  `INSERT INTO orders (shop_id, platform, order_no, customer_id, order_time, status, raw_status, amount, refund, discount, coupon_code, content_hash, created_batch, updated_batch)
   SELECT 1, 'bench', 'C' || touch_id, customer_id, sent_at + CAST(floor(random() * 14 * 86400) AS INTEGER) * INTERVAL '1 second', 'paid', 'x',
     round(150 + random() * 200, 2), 0, 20, offer_code, 'h', 1, 1
   FROM touches WHERE status = 'sent' AND random() < 0.02`,
);
await db.run('CHECKPOINT');
const counts = await db.all(`SELECT (SELECT count(*) FROM touches) AS touches, (SELECT count(*) FROM orders) AS orders`);
db.close();
console.log(JSON.stringify({ ms: performance.now() - t0, planMs, ...counts[0], maxRssMb: process.resourceUsage().maxRSS / 1024 }));
