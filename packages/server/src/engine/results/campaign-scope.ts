/**
 * Which campaigns a results request covers, with what each needs from its stored definition: the offer (a
 * redeemed coupon's cost) and the attribution window. The stored definition was validated when saved; it is
 * read leniently here (a definition saved before `attribution` existed gets the default window).
 */
import type { Offer } from '@huitou/core';
import type { Db } from '../../store/database.ts';
import { isRecord } from '../campaigns/definition-parts.ts';
import { DEFAULT_WINDOW_DAYS, isWindowDays } from '../campaigns/parse-attribution.ts';
import { parseOffer } from '../campaigns/parse-offer.ts';

export interface ScopedCampaign {
  readonly campaignId: number;
  readonly key: string;
  readonly name: string;
  readonly kind: 'care' | 'marketing';
  readonly holdoutShare: number;
  readonly offer: Offer | null;
  readonly windowDays: number;
}

/** A results request named a campaign the shop does not have. */
export class CampaignNotFoundError extends Error {
  readonly code = 'no_campaign';
  readonly campaignKey: string;
  constructor(campaignKey: string) {
    super(`no campaign "${campaignKey}"`);
    this.name = 'CampaignNotFoundError';
    this.campaignKey = campaignKey;
  }
}

/** The shop's campaigns (or the one with `key`, else CampaignNotFoundError), highest priority first. */
export async function scopeCampaigns(db: Db, shopId: number, key: string | undefined, windowOverride: number | undefined): Promise<ScopedCampaign[]> {
  const rows = await db.all(
    `SELECT campaign_id, campaign_key, name, kind, holdout_share, definition FROM campaigns
     WHERE shop_id = $1 ${key === undefined ? '' : 'AND campaign_key = $2'} ORDER BY priority DESC, campaign_key`,
    key === undefined ? [shopId] : [shopId, key],
  );
  if (key !== undefined && rows.length === 0) throw new CampaignNotFoundError(key);
  return rows.map((r) => {
    const doc = parseJson(String(r['definition']));
    const kind = r['kind'] === 'care' ? 'care' : 'marketing';
    return {
      campaignId: Number(r['campaign_id']),
      key: String(r['campaign_key']),
      name: String(r['name']),
      kind,
      holdoutShare: Number(r['holdout_share']),
      offer: isRecord(doc) ? parseOffer(doc['offer'], kind, () => undefined) : null,
      windowDays: windowOverride ?? storedWindow(doc),
    };
  });
}

function storedWindow(doc: unknown): number {
  const attribution = isRecord(doc) ? doc['attribution'] : undefined;
  const days = isRecord(attribution) ? attribution['windowDays'] : undefined;
  return isWindowDays(days) ? days : DEFAULT_WINDOW_DAYS;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
