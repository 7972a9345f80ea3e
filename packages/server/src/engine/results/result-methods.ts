/** The methods behind campaign results, in words, published with every result (`methods`). */
import { UPLIFT_METHODS } from '@huitou/core';
import type { CampaignResults } from './results-types.ts';

export const RESULT_METHODS: CampaignResults['methods'] = Object.freeze({
  groups:
    'Intent to treat: treated = every touch planning queued (sent, failed, pending or later dropped); holdout = touches held out, drawn only from customers who would otherwise have been queued. Customers planning skipped are in neither group. Variants are each compared with the occurrence\'s whole holdout; campaign totals pool occurrences (customer-occurrences are the units).',
  window:
    'Valid orders (paid, shipped, completed, partly refunded; net of refunds) placed from the send time (holdout: the time the message would have gone out) up to windowDays × 24 hours later. An order in two windows of one campaign counts once, for the later touch.',
  coupons:
    'Valid orders whose coupon code matches a code the campaign sent count as redemptions, whoever placed them and whenever; their coupon cost is the offer the coupon was issued under, applied to the order (the campaign\'s current offer for coupons issued before huitou recorded it).',
  absoluteUplift: UPLIFT_METHODS.absolute,
  relativeUplift: UPLIFT_METHODS.relative,
  revenuePerCustomer: UPLIFT_METHODS.revenuePerCustomer,
  margin: 'Incremental margin = grossMargin × (incremental revenue + coupon value on the treated group\'s window orders); incremental revenue = treated customers × revenue-per-customer difference.',
  roi: 'ROI = (incremental margin − cost) / cost; cost = message cost charged + redeemed coupon value.',
});
