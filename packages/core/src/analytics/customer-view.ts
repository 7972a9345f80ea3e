import { formatDay } from './calendar.ts';
import { NO_DAY } from './columns.ts';
import { CUSTOMER_TYPES } from './customer-type.ts';
import { TOP_SKUS, type CustomerFacts } from './facts.ts';
import { LIFECYCLE_STAGES, NO_STAGE } from './lifecycle.ts';
import type { RfmResult } from './rfm.ts';
import { NO_SEGMENT, RFM_SEGMENTS } from './rfm-segments.ts';
import { NO_TIER, type TierConfig } from './tier-config.ts';
import type { TierHistory } from './tier-history.ts';

/** A code with its Chinese and English labels. */
export interface Label {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** One customer's analytics as a plain object, for the API and the profile page (not for hot loops). */
export interface CustomerView {
  readonly customer: number;
  readonly firstOrderDate: string | null;
  readonly lastOrderDate: string | null;
  readonly orders: number;
  readonly validOrders: number;
  readonly purchaseDays: number;
  readonly netCents: number;
  readonly avgOrderCents: number | null;
  readonly items: number;
  readonly refundOrders: number;
  readonly refundCents: number;
  readonly meanIntervalDays: number | null;
  readonly medianIntervalDays: number | null;
  readonly topSkus: readonly { readonly sku: string; readonly quantity: number }[];
  readonly rfm?: { readonly recencyDays: number; readonly r: number; readonly f: number; readonly m: number; readonly segment: Label | null };
  readonly lifecycle?: Label | null;
  readonly type?: Label;
  readonly tier?: { readonly current: Label; readonly since: string | null; readonly history: readonly { readonly date: string; readonly from: Label; readonly to: Label }[] };
}

/** The per-customer results `describeCustomer` can include; pass the ones you computed. */
export interface CustomerViewSources {
  readonly facts: CustomerFacts;
  readonly skuCodes?: readonly string[];
  readonly rfm?: RfmResult;
  readonly stages?: Uint8Array;
  readonly types?: Uint8Array;
  readonly tiers?: { readonly config: TierConfig; readonly history: TierHistory };
}

/** Assembles one customer's view with zh/en labels; NaN and `NO_DAY` become null. */
export function describeCustomer(c: number, src: CustomerViewSources): CustomerView {
  const f = src.facts;
  const num = (v: number): number | null => (Number.isNaN(v) ? null : v);
  const date = (d: number): string | null => (d === NO_DAY ? null : formatDay(d));
  const topSkus: { sku: string; quantity: number }[] = [];
  for (let k = 0; k < TOP_SKUS; k++) {
    const s = f.topSku[c * TOP_SKUS + k]!;
    if (s >= 0) topSkus.push({ sku: src.skuCodes?.[s] ?? String(s), quantity: f.topSkuQuantity[c * TOP_SKUS + k]! });
  }
  const label = (l: Label): Label => ({ code: l.code, zh: l.zh, en: l.en });
  const tierLabel = (t: number): Label => label(src.tiers?.config.tiers[t] ?? NO_TIER);
  let view: CustomerView = {
    customer: c,
    firstOrderDate: date(f.firstDay[c]!),
    lastOrderDate: date(f.lastDay[c]!),
    orders: f.orders[c]!,
    validOrders: f.validOrders[c]!,
    purchaseDays: f.purchaseDays[c]!,
    netCents: f.netCents[c]!,
    avgOrderCents: num(f.avgOrderCents[c]!),
    items: f.items[c]!,
    refundOrders: f.refundOrders[c]!,
    refundCents: f.refundCents[c]!,
    meanIntervalDays: num(f.meanIntervalDays[c]!),
    medianIntervalDays: num(f.medianIntervalDays[c]!),
    topSkus,
  };
  if (src.rfm !== undefined) {
    const seg = src.rfm.segment[c]!;
    view = { ...view, rfm: { recencyDays: src.rfm.recencyDays[c]!, r: src.rfm.r[c]!, f: src.rfm.f[c]!, m: src.rfm.m[c]!, segment: seg === NO_SEGMENT ? null : label(RFM_SEGMENTS[seg]!) } };
  }
  if (src.stages !== undefined) {
    const s = src.stages[c]!;
    view = { ...view, lifecycle: s === NO_STAGE ? null : label(LIFECYCLE_STAGES[s]!) };
  }
  if (src.types !== undefined) view = { ...view, type: label(CUSTOMER_TYPES[src.types[c]!]!) };
  if (src.tiers !== undefined) {
    const h = src.tiers.history;
    const history = [];
    for (let k = h.eventStart[c]!; k < h.eventStart[c + 1]!; k++) history.push({ date: formatDay(h.eventDay[k]!), from: tierLabel(h.eventFrom[k]!), to: tierLabel(h.eventTo[k]!) });
    view = { ...view, tier: { current: tierLabel(h.current[c]!), since: date(h.currentSince[c]!), history } };
  }
  return view;
}
