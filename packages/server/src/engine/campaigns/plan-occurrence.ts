/**
 * Planning: the touches of a campaign's occurrences on a day, written in one transaction per occurrence —
 * every reached customer gets exactly one row (queued, holdout, or skipped with the reason), unique in the
 * database, so re-planning or two planners at once add nothing twice. A higher-priority marketing touch
 * displaces a lower one still queued within the cap window (the lower one is marked skipped with the
 * reason, never silently dropped). `dryRun` computes the same plan without writing (preview and cost).
 */
import { createHash } from 'node:crypto';
import { formatDay, issueCoupon, offerValueCents } from '@huitou/core';
import type { IssuedCoupon } from '@huitou/core';
import { localToInstant } from '../../importers/cells/zone-offset.ts';
import type { Db } from '../../store/database.ts';
import { getOneOrThrow } from '../../store/database.ts';
import { sqlFor } from '../../store/sql-dialect.ts';
import { DEFAULT_QUIET_HOURS, nextSendableInstant } from '../outbox/quiet-hours.ts';
import type { QuietHours } from '../outbox/quiet-hours.ts';
import { renderTemplate, smsSegments } from '../templates/index.ts';
import type { CampaignChannel, CampaignDefinition, ContentVariant } from './campaign-definition.ts';
import { DEFAULT_CAPS, decideTouch } from './decide-touch.ts';
import type { FrequencyCaps } from './decide-touch.ts';
import { occurrencesOn } from './occurrences.ts';
import { offerToJson } from './offer-json.ts';
import { findCandidates } from './plan-candidates.ts';

export interface PlanRequest {
  readonly campaignId: number;
  readonly definition: CampaignDefinition;
  readonly shop: { readonly shopId: number; readonly name: string; readonly timeZone: string };
  /** Shop-local day to plan. */
  readonly day: number;
  readonly nowMs: number;
  readonly couponSecret: string;
  /** Cost of one message (one SMS segment) per channel, in cents. */
  readonly costPerMessageCents: Readonly<Partial<Record<CampaignChannel, number>>>;
  readonly caps?: FrequencyCaps;
  readonly quietHours?: QuietHours;
  /** Share of issued coupons expected to be redeemed, for the cost estimate (default 0.1). */
  readonly expectedRedemption?: number;
  readonly dryRun?: boolean;
}

export interface OccurrencePlan {
  readonly occurrenceKey: string;
  readonly audience: number;
  readonly queued: number;
  readonly holdout: number;
  readonly displaced: number;
  readonly skipped: Readonly<Record<string, number>>;
  readonly byChannel: Readonly<Record<string, { messages: number; segments: number; costCents: number }>>;
  /** Face value of the coupons issued, and the expected cost at the assumed redemption rate. */
  readonly couponFaceValueCents: number;
  readonly expectedCouponCostCents: number;
  /** The first few rendered messages, for preview. */
  readonly samples: readonly { readonly customerId: number; readonly channel: string; readonly variant: string; readonly subject: string | null; readonly body: string }[];
}

export type PlanResult = { readonly ok: true; readonly plans: OccurrencePlan[] } | { readonly ok: false; readonly message: string };

const TOUCH_STAGE_COLUMNS = [
  { name: 'customer_id', type: 'double' },
  { name: 'channel', type: 'text' },
  { name: 'variant', type: 'text' },
  { name: 'offer_code', type: 'text' },
  { name: 'recipient', type: 'text' },
  { name: 'subject', type: 'text' },
  { name: 'body', type: 'text' },
  { name: 'segments', type: 'int' },
  { name: 'status', type: 'text' },
  { name: 'skip_reason', type: 'text' },
  { name: 'not_before_ms', type: 'double' },
  { name: 'idempotency_key', type: 'text' },
  { name: 'episode_key', type: 'text' },
  { name: 'cost_cents', type: 'double' },
  { name: 'time_zone', type: 'text' },
] as const;

export async function planCampaignDay(db: Db, r: PlanRequest): Promise<PlanResult> {
  const def = r.definition;
  const tz = r.shop.timeZone;
  const dayStartMs = localToInstant(r.day * 86_400_000, tz);
  const found = occurrencesOn(def.trigger, r.day, tz, dayStartMs, r.nowMs, sqlFor(db.dialect));
  if (!found.ok) return found;
  const caps = r.caps ?? DEFAULT_CAPS;
  const quiet = r.quietHours ?? DEFAULT_QUIET_HOURS;
  const vars = new Set(Object.values(def.content).flatMap((vs) => (vs ?? []).flatMap((v) => [...v.text.variables, ...(v.subject?.variables ?? []), ...(v.html?.variables ?? [])])));
  const plans: OccurrencePlan[] = [];
  for (const occurrence of found.occurrences) {
    const candidates = await findCandidates(db, {
      shopId: r.shop.shopId, campaignId: r.campaignId, audience: def.audience, occurrence, asOfDay: r.day, timeZone: tz, nowMs: r.nowMs,
      marketingWindowDays: caps.marketingWindowDays, needLastProduct: vars.has('lastProduct.title'), needDueSku: [...vars].some((v) => v.startsWith('dueSku.')),
    });
    const skipped: Record<string, number> = {};
    const byChannel: Record<string, { messages: number; segments: number; costCents: number }> = {};
    const samples: OccurrencePlan['samples'][number][] = [];
    const rows: (string | number | null)[][] = [];
    const displacing: number[] = [];
    let queued = 0;
    let holdout = 0;
    let face = 0;
    // Quiet hours are the shop's: one opening for the whole occurrence (an Intl call per customer cost ~10 s per million).
    // Quiet hours follow the recipient: their own zone when known, else the shop's; one Intl call per zone.
    const openings = new Map<string, number>();
    const quietNotBefore = (zone: string) => {
      let at = openings.get(zone);
      if (at === undefined) {
        at = nextSendableInstant(occurrence.sendAtMs, zone, quiet);
        openings.set(zone, at);
      }
      return at;
    };
    // When a message on `channel` could go out: marketing SMS and email wait for the recipient's sending window.
    const sendableAt = (channel: CampaignChannel, zone: string | null) =>
      def.kind === 'marketing' && (channel === 'sms' || channel === 'email') ? quietNotBefore(zone ?? tz) : occurrence.sendAtMs;
    for (const c of candidates) {
      const d = decideTouch(def, c, caps);
      const key = idempotencyKey(def.key, occurrence.key, c.customerId, d.channel);
      if (d.status !== 'queued') {
        if (d.status === 'holdout') holdout++;
        else skipped[d.reason] = (skipped[d.reason] ?? 0) + 1;
        // A holdout touch keeps the time its message would have gone out: the start of its attribution window.
        const notBefore = d.status === 'holdout' ? sendableAt(d.channel, c.timeZone) : occurrence.sendAtMs;
        rows.push([c.customerId, d.channel, null, null, null, null, null, 0, d.status, d.status === 'skipped' ? d.reason : null, notBefore, key, c.episode, null, c.timeZone]);
        continue;
      }
      const variant: ContentVariant | undefined = def.content[d.channel]?.[d.variant];
      if (variant === undefined) continue;
      const coupon: IssuedCoupon | null = def.offer === null ? null : issueCoupon(def.offer, r.day, { campaignKey: def.key, occurrenceKey: occurrence.key, customerId: c.customerId, secret: r.couponSecret });
      const data = {
        shop: { name: r.shop.name },
        customer: { name: c.name ?? c.nick ?? '', nick: c.nick ?? '', tier: c.tier ?? '' },
        coupon: coupon === null ? {} : { code: coupon.display, value: coupon.label.zh, validUntil: formatDay(coupon.toDay) },
        lastProduct: { title: c.lastProduct ?? '' },
        dueSku: { title: c.dueSku ?? '', dueOn: c.dueOn ?? '' },
      };
      const body = renderTemplate(variant.text, data, { mode: 'text', timeZone: tz });
      const subject = variant.subject === null ? null : renderTemplate(variant.subject, data, { mode: 'text', timeZone: tz });
      if (!body.ok || (subject !== null && !subject.ok)) {
        skipped['render_failed'] = (skipped['render_failed'] ?? 0) + 1;
        rows.push([c.customerId, d.channel, variant.key, null, null, null, null, 0, 'skipped', 'render_failed', occurrence.sendAtMs, key, c.episode, null, c.timeZone]);
        continue;
      }
      const segments = d.channel === 'sms' ? smsSegments([...body.text].length) : 1;
      const cost = segments * (r.costPerMessageCents[d.channel] ?? 0);
      const notBefore = sendableAt(d.channel, c.timeZone);
      rows.push([c.customerId, d.channel, variant.key, coupon?.code ?? null, d.recipient, subject?.ok === true ? subject.text : null, body.text, segments, 'queued', null, notBefore, key, c.episode, cost, c.timeZone]);
      queued++;
      if (d.displaces) displacing.push(c.customerId);
      const ch = (byChannel[d.channel] ??= { messages: 0, segments: 0, costCents: 0 });
      ch.messages++;
      ch.segments += segments;
      ch.costCents += cost;
      if (def.offer !== null) face += offerValueCents(def.offer, def.offer.kind === 'threshold' ? def.offer.thresholdCents : 10_000);
      if (samples.length < 3) samples.push({ customerId: c.customerId, channel: d.channel, variant: variant.key, subject: subject?.ok === true ? subject.text : null, body: body.text });
    }
    if (r.dryRun !== true) await writeOccurrence(db, r, occurrence.key, rows, displacing, { audience: candidates.length, queued, holdout, skipped: rows.length - queued - holdout });
    plans.push({
      occurrenceKey: occurrence.key, audience: candidates.length, queued, holdout, displaced: displacing.length, skipped, byChannel,
      couponFaceValueCents: face, expectedCouponCostCents: Math.round(face * (r.expectedRedemption ?? 0.1)), samples,
    });
  }
  return { ok: true, plans };
}

function idempotencyKey(campaignKey: string, occurrenceKey: string, customerId: number, channel: string): string {
  return `ht-${createHash('sha256').update(`${campaignKey}\n${occurrenceKey}\n${customerId}\n${channel}`).digest('hex').slice(0, 32)}`;
}

async function writeOccurrence(
  db: Db,
  r: PlanRequest,
  occurrenceKey: string,
  rows: readonly (string | number | null)[][],
  displacing: readonly number[],
  counts: { audience: number; queued: number; holdout: number; skipped: number },
): Promise<void> {
  await db.run(
    `CREATE TEMP TABLE IF NOT EXISTS p_touches (${TOUCH_STAGE_COLUMNS.map((c) => `${c.name} ${c.type === 'text' ? 'VARCHAR' : c.type === 'int' ? 'INTEGER' : 'DOUBLE PRECISION'}`).join(', ')})`,
  );
  await db.transaction(async () => {
    await db.run(`DELETE FROM p_touches`);
    await db.run(
      `INSERT INTO campaign_occurrences (occurrence_id, campaign_id, occurrence_key, audience, queued, holdout, skipped)
       SELECT nextval('occurrence_id_seq'), $1, $2, 0, 0, 0, 0
       WHERE NOT EXISTS (SELECT 1 FROM campaign_occurrences WHERE campaign_id = $1 AND occurrence_key = $2)`,
      [r.campaignId, occurrenceKey],
    );
    const { id } = await getOneOrThrow<{ id: number }>(db, `SELECT occurrence_id AS id FROM campaign_occurrences WHERE campaign_id = $1 AND occurrence_key = $2`, [r.campaignId, occurrenceKey]);
    const writer = await db.bulkWriter('p_touches', TOUCH_STAGE_COLUMNS);
    for (const row of rows) writer.appendRow(row);
    await writer.close();
    if (displacing.length > 0) {
      await db.run(
        `UPDATE touches SET status = 'skipped', skip_reason = $3
         WHERE shop_id = $1 AND kind = 'marketing' AND status = 'queued' AND priority < $2
           AND customer_id IN (SELECT CAST(customer_id AS BIGINT) FROM p_touches WHERE status = 'queued')`,
        [r.shop.shopId, r.definition.priority, `displaced_by:${r.definition.key}`],
      );
    }
    await db.run(
      `INSERT INTO touches (touch_id, shop_id, campaign_id, occurrence_id, customer_id, channel, kind, priority, variant, offer_code,
         offer, recipient, subject, body, segments, status, skip_reason, not_before, idempotency_key, episode_key, cost_cents, time_zone)
       SELECT nextval('touch_id_seq'), $1, $2, $3, CAST(customer_id AS BIGINT), channel, $4, $5, variant, offer_code,
         CASE WHEN offer_code IS NULL THEN NULL ELSE $6 END, recipient, subject,
         body, segments, status, skip_reason, to_timestamp(not_before_ms / 1000.0), idempotency_key, episode_key, NULL, time_zone
       FROM p_touches
       ON CONFLICT DO NOTHING`,
      // The offer each coupon is issued under stays with its touch: a later edit of the campaign's offer does not
      // change what a redeemed coupon cost (campaign results).
      [r.shop.shopId, r.campaignId, id, r.definition.kind, r.definition.priority, r.definition.offer === null ? null : offerToJson(r.definition.offer)],
    );
    await db.run(
      `UPDATE campaign_occurrences SET audience = audience + $2, queued = queued + $3, holdout = holdout + $4, skipped = skipped + $5 WHERE occurrence_id = $1`,
      [id, counts.audience, counts.queued, counts.holdout, counts.skipped],
    );
  });
}
