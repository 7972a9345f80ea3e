/**
 * An issued coupon's offer as stored on its touch (touches.offer): core's Offer as JSON, amounts in cents. Read
 * back strictly: anything that is not a valid offer of a known kind is null, and the caller falls back to the
 * campaign's current offer.
 */
import { validateOffer } from '@huitou/core';
import type { Offer } from '@huitou/core';
import { isRecord } from './definition-parts.ts';

export function offerToJson(offer: Offer): string {
  return JSON.stringify(offer);
}

export function offerFromJson(text: string): Offer | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(v)) return null;
  const n = (k: string): number => (typeof v[k] === 'number' ? Number(v[k]) : Number.NaN);
  let offer: Offer;
  switch (v['kind']) {
    case 'threshold':
      offer = { kind: 'threshold', thresholdCents: n('thresholdCents'), amountCents: n('amountCents'), validDays: n('validDays') };
      break;
    case 'discount':
      offer = { kind: 'discount', zhe: n('zhe'), validDays: n('validDays'), ...(v['capCents'] === undefined ? {} : { capCents: n('capCents') }) };
      break;
    case 'free_shipping':
      offer = { kind: 'free_shipping', months: n('months') };
      break;
    case 'no_threshold':
      offer = { kind: 'no_threshold', amountCents: n('amountCents'), validDays: n('validDays') };
      break;
    default:
      return null;
  }
  return validateOffer(offer).length === 0 ? offer : null;
}
