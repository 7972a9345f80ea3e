/**
 * campaignResults on a hand-built store: every figure below is computed by hand in the comments (intervals
 * independently with scipy / the textbook formulas).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignResults, CampaignNotFoundError } from '../../src/engine/results/index.ts';
import type { Db } from '../../src/store/database.ts';
import { addCampaign, addOccurrence, addOrders, addTouches, DAY_MS, resultsStore, SEND_MS } from './results-fixture.ts';

const S = SEND_MS;
const H = 3_600_000;

describe('campaignResults', () => {
  let db: Db;
  beforeAll(async () => {
    db = await resultsStore();
    await addCampaign(db, 1, 'promo', { kind: 'marketing', offer: { kind: 'no_threshold', amount: 10, validDays: 14 } }, 0.4);
    await addCampaign(db, 2, 'thanks', { kind: 'care', attribution: { windowDays: 3 } }, 0);
    await addOccurrence(db, 11, 1, 'once:2026-06-01');
    await addOccurrence(db, 21, 2, 'once:2026-06-01');
    await addTouches(db, [
      { id: 1, campaignId: 1, occurrenceId: 11, customerId: 1, status: 'sent', variant: 'A', offerCode: 'AAAA2222BBBB', sentAtMs: S, costCents: 5 },
      { id: 2, campaignId: 1, occurrenceId: 11, customerId: 2, status: 'sent', variant: 'A', offerCode: 'CCCC3333DDDD', sentAtMs: S, costCents: 5 },
      { id: 3, campaignId: 1, occurrenceId: 11, customerId: 3, status: 'sent', variant: 'B', offerCode: 'EEEE4444FFFF', sentAtMs: S, costCents: 5 },
      { id: 4, campaignId: 1, occurrenceId: 11, customerId: 4, status: 'dead', variant: 'B', offerCode: 'GGGG5555HHHH' },
      { id: 5, campaignId: 1, occurrenceId: 11, customerId: 5, status: 'holdout' },
      { id: 6, campaignId: 1, occurrenceId: 11, customerId: 6, status: 'holdout' },
      { id: 7, campaignId: 1, occurrenceId: 11, customerId: 7, status: 'holdout' },
      { id: 8, campaignId: 1, occurrenceId: 11, customerId: 8, status: 'skipped' },
      { id: 9, campaignId: 2, occurrenceId: 21, customerId: 1, status: 'sent', variant: 'A', sentAtMs: S, costCents: 5 },
    ]);
    await addOrders(db, [
      { no: 'O1', customerId: 1, atMs: S + DAY_MS, amount: 100, coupon: 'aaaa-2222-bbbb' }, // own code, in window
      { no: 'O1b', customerId: 1, atMs: S + 2 * DAY_MS, amount: 50, status: 'completed' }, // customer 1: 150
      { no: 'O2', customerId: 2, atMs: S - H, amount: 80 }, // before the send
      { no: 'O2b', customerId: 2, atMs: S + 8 * DAY_MS, amount: 60 }, // after the 7-day window
      { no: 'O3', customerId: 3, atMs: S + 3 * DAY_MS, amount: 200, status: 'refunded', refund: 200 }, // not valid
      { no: 'O3b', customerId: 3, atMs: S + 4 * DAY_MS, amount: 120, refund: 20, status: 'partially_refunded' }, // customer 3: 100
      { no: 'O3c', customerId: 3, atMs: S + 10 * DAY_MS + H, amount: 70, coupon: 'EEEE4444FFFF' }, // own code, outside the window
      { no: 'O4', customerId: 4, atMs: S + DAY_MS, amount: 40 }, // failed send still counts (intent to treat)
      { no: 'O9', customerId: 9, atMs: S + 2 * DAY_MS, amount: 90, coupon: 'CCCC 3333 DDDD' }, // customer 2's code, used by someone else
      { no: 'O5', customerId: 5, atMs: S + 2 * DAY_MS, amount: 60 }, // holdout: 60
      { no: 'O7', customerId: 7, atMs: S + 7 * DAY_MS - H, amount: 30 }, // holdout: 30, just inside
      { no: 'O7b', customerId: 7, atMs: S + 7 * DAY_MS, amount: 999 }, // the window's end is excluded
      { no: 'O8', customerId: 8, atMs: S + DAY_MS, amount: 500 }, // skipped at planning: in neither group
    ]);
  });
  afterAll(() => db.close());

  it('attributes window orders and coupons per group, with the uplift, its intervals, cost and ROI', async () => {
    const r = await campaignResults(db, 1, { campaignKey: 'promo', nowMs: S + 30 * DAY_MS });
    expect(r).toMatchObject({ shopId: 1, grossMargin: 0.3, windowDaysOverride: null, currency: 'CNY' });
    expect(r.methods.absoluteUplift).toMatch(/Newcombe/);
    const c = r.campaigns[0]!;
    expect(c).toMatchObject({ key: 'promo', windowDays: 7 });
    const t = c.totals;
    // Treated 1..4: revenue 150, 0, 100, 40 → 3 conversions, 4 orders, 290 yuan; holdout 5..7: 60, 0, 30.
    expect(t.treated).toMatchObject({ customers: 4, sent: 3, failed: 1, pending: 0, conversions: 3, orders: 4, revenue: 290, revenuePerCustomer: 72.5, openWindows: 0 });
    expect(t.holdout).toMatchObject({ customers: 3, conversions: 2, orders: 2, revenue: 90, revenuePerCustomer: 30 });
    // O1 (own, in window), O3c (own, outside), O9 (someone else's): 3 redemptions, 260 yuan, 3 × 10 yuan off.
    expect(t.redemptions).toEqual({ orders: 3, byRecipient: 2, byOthers: 1, outsideWindow: 2, revenue: 260, couponCost: 30 });
    expect(t.attributedRevenue).toBe(290 + 70 + 90);
    expect(t.uplift!.absolute.estimate).toBeCloseTo(3 / 4 - 2 / 3, 6);
    expect(t.uplift!.absolute.lower).toBeCloseTo(-0.4418528186173333, 6);
    expect(t.uplift!.absolute.upper).toBeCloseTo(0.5857993067652942, 6);
    expect(t.uplift!.relative!.estimate).toBeCloseTo(0.125, 6);
    // scipy.stats.ttest_ind([150,0,100,40], [60,0,30], equal_var=False).confidence_interval()
    expect(t.uplift!.revenuePerCustomer).toMatchObject({ estimate: 42.5, lower: -57.54, upper: 142.54, df: 4.38 });
    expect(t.incremental).toEqual({ conversions: 0.33, revenue: { estimate: 170, lower: -230.16, upper: 570.16 }, margin: 54 });
    expect(t.cost).toEqual({ messages: 0.15, coupons: 30, total: 30.15 });
    expect(t.roi).toBeCloseTo((54 - 30.15) / 30.15, 4);
  });

  it('splits by variant, each against the occurrence\'s whole holdout', async () => {
    const r = await campaignResults(db, 1, { campaignKey: 'promo', nowMs: S + 30 * DAY_MS });
    const occurrence = r.campaigns[0]!.occurrences[0]!;
    expect(occurrence.key).toBe('once:2026-06-01');
    expect(occurrence.windowFrom).toBe(new Date(S).toISOString());
    expect(occurrence.windowTo).toBe(new Date(S + 7 * DAY_MS).toISOString());
    const [a, b] = occurrence.variants;
    expect(a).toMatchObject({ channel: 'sms', variant: 'A' });
    expect(a!.comparison.treated).toMatchObject({ customers: 2, conversions: 1, revenue: 150 });
    expect(a!.comparison.holdout).toMatchObject({ customers: 3, conversions: 2 });
    expect(a!.comparison.redemptions).toMatchObject({ orders: 2, byOthers: 1 });
    expect(a!.comparison.uplift!.absolute.lower).toBeCloseTo(-0.6548292253357504, 6);
    expect(b!.comparison.treated).toMatchObject({ customers: 2, conversions: 2, revenue: 140, failed: 1 });
    expect(b!.comparison.redemptions).toMatchObject({ orders: 1, outsideWindow: 1 });
  });

  it('a campaign without holdout has no uplift, and says why; its own window applies', async () => {
    const r = await campaignResults(db, 1, { nowMs: S + 30 * DAY_MS });
    const thanks = r.campaigns.find((c) => c.key === 'thanks')!;
    expect(thanks.windowDays).toBe(3);
    expect(thanks.totals).toMatchObject({ uplift: null, upliftUnavailable: 'no_holdout', roi: null, roiUnavailable: 'no_uplift' });
    expect(thanks.totals.treated).toMatchObject({ customers: 1, conversions: 1, orders: 2, revenue: 150 });
    expect(r.campaigns.map((c) => c.key).sort()).toEqual(['promo', 'thanks']);
  });

  it('a longer window takes in later orders; open windows are counted', async () => {
    const r = await campaignResults(db, 1, { campaignKey: 'promo', windowDays: 10, nowMs: S + 3 * DAY_MS });
    const t = r.campaigns[0]!.totals;
    expect(r.windowDaysOverride).toBe(10);
    // O2b (day 8) now counts for customer 2 and O7b (day 7) for customer 7; O3c (day 10 + 1 h) still does not.
    expect(t.treated).toMatchObject({ conversions: 4, revenue: 350, openWindows: 4 });
    expect(t.holdout).toMatchObject({ conversions: 2, revenue: 1089, openWindows: 3 });
  });

  it('rejects an unknown key and out-of-range options', async () => {
    await expect(campaignResults(db, 1, { campaignKey: 'nope' })).rejects.toBeInstanceOf(CampaignNotFoundError);
    await expect(campaignResults(db, 1, { windowDays: 0 })).rejects.toThrow(RangeError);
    await expect(campaignResults(db, 1, { windowDays: 2.5 })).rejects.toThrow(RangeError);
    await expect(campaignResults(db, 1, { grossMargin: 0 })).rejects.toThrow(RangeError);
  });

  it('is plain JSON', async () => {
    const r = await campaignResults(db, 1, { nowMs: S + 30 * DAY_MS });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('the cost of a redeemed coupon', () => {
  it('is the offer the coupon was issued under, not the campaign\'s offer edited since; unrecorded or unreadable falls back to it', async () => {
    const db = await resultsStore();
    // The campaign's offer now: 10 yuan off. Coupons went out under 5 yuan off (recorded), under an unreadable
    // record, and before offers were recorded.
    await addCampaign(db, 1, 'promo', { kind: 'marketing', offer: { kind: 'no_threshold', amount: 10, validDays: 14 } }, 0);
    await addOccurrence(db, 11, 1, 'once:2026-06-01');
    const fiveOff = JSON.stringify({ kind: 'no_threshold', amountCents: 500, validDays: 14 });
    await addTouches(db, [
      { id: 1, campaignId: 1, occurrenceId: 11, customerId: 1, status: 'sent', offerCode: 'AAAA2222BBBB', offer: fiveOff, sentAtMs: S },
      { id: 2, campaignId: 1, occurrenceId: 11, customerId: 2, status: 'sent', offerCode: 'CCCC3333DDDD', offer: '{"kind":"no_threshold"', sentAtMs: S },
      { id: 3, campaignId: 1, occurrenceId: 11, customerId: 3, status: 'sent', offerCode: 'EEEE4444FFFF', sentAtMs: S },
    ]);
    await addOrders(db, [
      { no: 'O1', customerId: 1, atMs: S + DAY_MS, amount: 100, coupon: 'AAAA2222BBBB' },
      { no: 'O2', customerId: 2, atMs: S + DAY_MS, amount: 100, coupon: 'CCCC3333DDDD' },
      { no: 'O3', customerId: 3, atMs: S + DAY_MS, amount: 100, coupon: 'EEEE4444FFFF' },
    ]);
    const r = await campaignResults(db, 1, { campaignKey: 'promo', nowMs: S + 30 * DAY_MS });
    // 5 (as issued) + 10 + 10 (the current offer).
    expect(r.campaigns[0]!.totals.redemptions).toMatchObject({ orders: 3, couponCost: 25 });
    expect(r.methods.coupons).toMatch(/issued under/);
    db.close();
  });
});
