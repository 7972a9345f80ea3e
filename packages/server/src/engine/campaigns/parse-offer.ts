/**
 * The `offer` of a campaign definition: amounts in yuan in the file, integer cents in the Offer. Exported so
 * that campaign results can read the offer of a stored definition (a redeemed coupon's cost) without
 * re-validating the whole campaign.
 */
import { validateOffer } from '@huitou/core';
import type { Offer } from '@huitou/core';
import { isRecord } from './definition-parts.ts';
import type { Add } from './definition-parts.ts';

/** The offer, or null when there is none or it is invalid (then issues were added). `kind` is the campaign's. */
export function parseOffer(v: unknown, kind: unknown, add: Add): Offer | null {
  if (v === undefined || v === null) return null;
  if (kind === 'care') {
    add('offer', 'care campaigns carry no offer (care first); make it a marketing campaign', '关怀活动不带优惠；请改为营销活动');
    return null;
  }
  if (!isRecord(v)) {
    add('offer', 'offer must be an object', 'offer 必须是对象');
    return null;
  }
  const cents = (k: string) => (typeof v[k] === 'number' ? Math.round(Number(v[k]) * 100) : Number.NaN);
  const validDays = typeof v['validDays'] === 'number' ? Number(v['validDays']) : 14;
  let offer: Offer;
  switch (v['kind']) {
    case 'threshold':
      offer = { kind: 'threshold', thresholdCents: cents('threshold'), amountCents: cents('amount'), validDays };
      break;
    case 'discount':
      offer = { kind: 'discount', zhe: Number(v['zhe']), validDays, ...(v['cap'] === undefined ? {} : { capCents: cents('cap') }) };
      break;
    case 'free_shipping':
      offer = { kind: 'free_shipping', months: Number(v['months']) };
      break;
    case 'no_threshold':
      offer = { kind: 'no_threshold', amountCents: cents('amount'), validDays };
      break;
    default:
      add('offer.kind', 'offer kind must be threshold (满X减Y), discount (折), free_shipping (包邮卡) or no_threshold (无门槛券)', 'offer.kind 必须是 threshold、discount、free_shipping 或 no_threshold');
      return null;
  }
  const problems = validateOffer(offer);
  for (const p of problems) add(`offer.${p.path}`, p.message, p.messageZh);
  return problems.length === 0 ? offer : null;
}
