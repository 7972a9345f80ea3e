/**
 * Test support for the reliability suite: a shop of N customers with mainland phones and SMS marketing
 * consent, built in SQL, and one SMS marketing campaign (`once`, audience everyone, no holdout) planned
 * through `planCampaignDay` so that every customer gets one queued touch due now.
 */
import { localDayAt, wallTimeAt } from '@huitou/core';
import { parseCampaignText } from '../../src/engine/campaigns/campaign-definition.ts';
import { couponSecret, saveCampaign } from '../../src/engine/campaigns/campaign-store.ts';
import { planCampaignDay } from '../../src/engine/campaigns/plan-occurrence.ts';
import type { OccurrencePlan } from '../../src/engine/campaigns/plan-occurrence.ts';
import type { Db } from '../../src/store/database.ts';

export const SIGN_NAME = '可靠性测试店';

/** Zones covering every UTC hour with a 09:00–19:00 local stretch, Asia/Shanghai first. */
const DAYTIME_CANDIDATES = [
  'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland', 'Pacific/Tongatapu', 'Pacific/Honolulu', 'America/Anchorage',
  'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/Sao_Paulo', 'Atlantic/Azores', 'Europe/London',
  'Europe/Berlin', 'Europe/Moscow', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Dhaka', 'Asia/Bangkok',
];

/**
 * A zone where it is now between 09:00 and 19:00, so marketing planned and sent during the next minutes is
 * inside the 08:00–21:00 sending window (the crash test runs on the real clock, at any hour).
 */
export function daytimeZone(nowMs: number): string {
  for (const zone of DAYTIME_CANDIDATES) {
    const hour = wallTimeAt(nowMs, zone).hour;
    if (hour >= 9 && hour < 19) return zone;
  }
  throw new Error('no candidate zone is in daytime now');
}

/** Shop 1 with `customers` customers (ids 1…N, phones 139xxxxxxxx) who all granted SMS marketing consent. */
export async function makeShop(db: Db, customers: number, timeZone: string): Promise<void> {
  await db.run(`INSERT INTO shops (name, time_zone) VALUES ($1, $2)`, [SIGN_NAME, timeZone]);
  await db.run(
    `INSERT INTO customers (customer_id, shop_id, key_kind, key_value, nick, name, phone, created_batch, updated_batch)
     SELECT i, 1, 'platform_id', 'c' || i, 'c' || i, '客户' || i, '139' || lpad(CAST(i AS VARCHAR), 8, '0'), 1, 1 FROM range(1, $1 + 1) t(i)`,
    [customers],
  );
  await db.run(
    `INSERT INTO consent_events (shop_id, customer_id, channel, status, source, wording)
     SELECT 1, i, 'sms', 'granted', 'test', '同意接收优惠短信' FROM range(1, $1 + 1) t(i)`,
    [customers],
  );
}

/** Saves and plans a marketing SMS campaign firing at `nowMs` (to the minute) in `timeZone`; returns its plan. */
export async function planNow(db: Db, nowMs: number, timeZone: string, key = 'reliability'): Promise<OccurrencePlan> {
  const at = wallTimeAt(nowMs, timeZone);
  const text = `
key: ${key}
name: 可靠性测试
kind: marketing
priority: 50
trigger: { kind: once, at: { year: ${at.year}, month: ${at.month}, day: ${at.day}, hour: ${at.hour}, minute: ${at.minute} } }
audience: { everyone: true }
channels: [sms]
holdout: 0
content:
  sms:
    - key: A
      text: "【${SIGN_NAME}】{{customer.name | default:\\"亲\\"}}，新品到店，欢迎回来看看。回T退订"
`;
  const parsed = parseCampaignText(text, { signName: SIGN_NAME });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const campaignId = await saveCampaign(db, 1, parsed.campaign);
  const planned = await planCampaignDay(db, {
    campaignId, definition: parsed.campaign, shop: { shopId: 1, name: SIGN_NAME, timeZone }, day: localDayAt(nowMs, timeZone), nowMs,
    couponSecret: await couponSecret(db), costPerMessageCents: { sms: 4.5 },
  });
  if (!planned.ok) throw new Error(planned.message);
  const plan = planned.plans[0];
  if (plan === undefined) throw new Error('the campaign did not fire today');
  return plan;
}
