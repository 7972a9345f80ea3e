/**
 * touches.offer: the offer a touch's coupon was issued under (JSON of core's Offer, amounts in cents), so that a
 * redeemed coupon's cost stays what was promised when the campaign's offer is edited later. NULL for touches
 * without a coupon, and for those planned before this column (their results use the campaign's current offer).
 */
import type { Migration } from './migration.ts';

export const addTouchOffer: Migration = {
  id: '2026_11_29_01_touch_offer',
  up: () => [`ALTER TABLE touches ADD COLUMN IF NOT EXISTS offer VARCHAR`],
};
