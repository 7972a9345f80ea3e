/**
 * Rows → the nested result: treated rows per (channel, variant), holdout rows pooled per occurrence (the
 * variant is drawn independently of holdout, so the occurrence's whole holdout is the control for each
 * variant), occurrences summed into the campaign's totals.
 */
import type { Offer } from '@huitou/core';
import { offerFromJson } from '../campaigns/offer-json.ts';
import type { ArmStatsRow } from './arm-stats.ts';
import type { ScopedCampaign } from './campaign-scope.ts';
import { compareLevel } from './compare-level.ts';
import type { RedemptionRow } from './redemptions.ts';
import type { CampaignResult, OccurrenceResult } from './results-types.ts';
import { addLevel, addRedemption, addStats, emptyLevel } from './tally.ts';
import type { LevelTally } from './tally.ts';

export interface OccurrenceMeta {
  readonly occurrenceId: number;
  readonly campaignId: number;
  readonly key: string;
  readonly plannedAtMs: number;
}

interface OccurrenceTally {
  readonly meta: OccurrenceMeta;
  readonly holdout: LevelTally;
  readonly variants: Map<string, { channel: string; variant: string; level: LevelTally }>;
}

const iso = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);

export function assembleResults(
  campaigns: readonly ScopedCampaign[],
  occurrences: readonly OccurrenceMeta[],
  stats: readonly ArmStatsRow[],
  redeemed: readonly RedemptionRow[],
  grossMargin: number,
): CampaignResult[] {
  const byId = new Map<number, OccurrenceTally>();
  for (const meta of occurrences) byId.set(meta.occurrenceId, { meta, holdout: emptyLevel(), variants: new Map() });
  const variantOf = (o: OccurrenceTally, channel: string, variant: string): LevelTally => {
    const k = `${channel}\u0000${variant}`;
    let v = o.variants.get(k);
    if (v === undefined) {
      v = { channel, variant, level: emptyLevel() };
      o.variants.set(k, v);
    }
    return v.level;
  };
  for (const row of stats) {
    const o = byId.get(row.occurrenceId);
    if (o === undefined) continue;
    addStats(row.arm === 'holdout' ? o.holdout : variantOf(o, row.channel, row.variant), row);
  }
  // A coupon costs what the offer it was issued under takes off the order; coupons sent before huitou recorded that
  // offer (or whose record does not read) fall back to the campaign's current offer.
  const current = new Map(campaigns.map((c) => [c.campaignId, c.offer]));
  const issued = new Map<string, Offer | null>();
  const offerOf = (row: RedemptionRow): Offer | null => {
    if (row.offer !== null) {
      let offer = issued.get(row.offer);
      if (offer === undefined) {
        offer = offerFromJson(row.offer);
        issued.set(row.offer, offer);
      }
      if (offer !== null) return offer;
    }
    return current.get(row.campaignId) ?? null;
  };
  for (const row of redeemed) {
    const o = byId.get(row.occurrenceId);
    if (o !== undefined) addRedemption(variantOf(o, row.channel, row.variant), row, offerOf(row));
  }
  return campaigns.map((c) => {
    const total = emptyLevel();
    const list: OccurrenceResult[] = [];
    for (const o of byId.values()) {
      if (o.meta.campaignId !== c.campaignId) continue;
      const occurrence = emptyLevel();
      addLevel(occurrence, o.holdout);
      const variants = [...o.variants.values()].sort((a, b) => a.channel.localeCompare(b.channel) || a.variant.localeCompare(b.variant));
      for (const v of variants) addLevel(occurrence, v.level);
      addLevel(total, occurrence);
      list.push({
        key: o.meta.key,
        plannedAt: new Date(o.meta.plannedAtMs).toISOString(),
        windowFrom: iso(occurrence.fromMs),
        windowTo: iso(occurrence.toMs),
        totals: compareLevel(occurrence, grossMargin),
        variants: variants.map((v) => {
          const level = emptyLevel();
          addLevel(level, v.level);
          addLevel(level, o.holdout);
          return { channel: v.channel, variant: v.variant, comparison: compareLevel(level, grossMargin) };
        }),
      });
    }
    return { key: c.key, name: c.name, kind: c.kind, holdoutShare: c.holdoutShare, windowDays: c.windowDays, totals: compareLevel(total, grossMargin), occurrences: list };
  });
}
