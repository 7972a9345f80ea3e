/**
 * Offer design from a segment's data. `suggestThreshold`: 满X减Y with X a "nice" round amount
 * 1.3–1.6 × the typical order (buyers around 100 → 满150减20) and Y a nice amount keeping the
 * effective discount Y/X within 10–15 %, with the reasoning shown to the seller.
 * `suggestFreeShippingCard`: a free-shipping card for 1–2-time buyers.
 */
import { formatAmount, offerLabel, type FreeShippingOffer, type ThresholdOffer } from './offers.ts';

/** Options for `suggestThreshold` (defaults in brackets). */
export interface ThresholdOptions {
  /** X between typical × minMultiple and typical × maxMultiple [1.3, 1.6]. */
  readonly minMultiple?: number;
  readonly maxMultiple?: number;
  /** Y/X between minRate and maxRate [0.10, 0.15]. */
  readonly minRate?: number;
  readonly maxRate?: number;
  /** Typical order: median [default] or mean. */
  readonly basis?: 'median' | 'mean';
  /** Fewer positive orders than this gives no suggestion [10]. */
  readonly minOrders?: number;
  /** Coupon validity [30 days]. */
  readonly validDays?: number;
}

/** Why X and Y were chosen. */
export interface ThresholdReasoning {
  readonly orders: number;
  readonly medianCents: number;
  readonly meanCents: number;
  readonly basis: 'median' | 'mean';
  readonly typicalCents: number;
  /** X / typical. */
  readonly multiple: number;
  /** How much more than the typical order a buyer must spend: X − typical. */
  readonly stretchCents: number;
  /** Share of past orders already ≥ X: for those the coupon is cost without extra spend. */
  readonly shareReaching: number;
  /** Y / X. */
  readonly effectiveRate: number;
  /** Face value given away per redemption: Y. */
  readonly costPerRedemptionCents: number;
}

/** Result of `suggestThreshold`. */
export type ThresholdSuggestion =
  | { readonly ok: true; readonly offer: ThresholdOffer; readonly label: { readonly zh: string; readonly en: string }; readonly reasoning: ThresholdReasoning; readonly explanation: { readonly zh: string; readonly en: string } }
  | { readonly ok: false; readonly reason: 'too_few_orders'; readonly orders: number; readonly message: string; readonly messageZh: string };

/** Nice steps in cents, coarsest first: 1000, 500, 100, 50, 10, 5, 1 yuan. */
const STEPS = [100_000, 50_000, 10_000, 5_000, 1_000, 500, 100];

/**
 * Multiples of the coarsest step with any multiple in [lo, hi]; `pick` chooses one of them. Falls
 * back to `fallback` rounded to whole yuan when even 1-yuan steps miss the range.
 */
function niceIn(lo: number, hi: number, pick: (candidates: number[]) => number, fallback: number): number {
  for (const step of STEPS) {
    const candidates: number[] = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) candidates.push(v);
    if (candidates.length > 0) return pick(candidates);
  }
  return Math.max(100, Math.round(fallback / 100) * 100);
}

function median(sorted: readonly number[]): number {
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** Suggests 满X减Y from a segment's valid order values (cents; non-positive values are ignored). */
export function suggestThreshold(orderValuesCents: ArrayLike<number>, options: ThresholdOptions = {}): ThresholdSuggestion {
  const values = Array.from(orderValuesCents).filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  const minOrders = options.minOrders ?? 10;
  if (values.length < minOrders || values.length === 0) {
    return { ok: false, reason: 'too_few_orders', orders: values.length, message: `needs at least ${minOrders} orders, the segment has ${values.length}`, messageZh: `至少需要 ${minOrders} 笔订单，该分群只有 ${values.length} 笔` };
  }
  const basis = options.basis ?? 'median';
  const medianCents = median(values);
  const meanCents = values.reduce((s, v) => s + v, 0) / values.length;
  const typical = basis === 'median' ? medianCents : meanCents;
  const lo = typical * (options.minMultiple ?? 1.3);
  const x = niceIn(lo, typical * (options.maxMultiple ?? 1.6), (c) => c[0]!, lo);
  const minRate = options.minRate ?? 0.1;
  const maxRate = options.maxRate ?? 0.15;
  const target = (x * (minRate + maxRate)) / 2;
  const closest = (c: number[]): number => c.reduce((best, v) => (Math.abs(v - target) < Math.abs(best - target) ? v : best));
  const y = Math.min(niceIn(x * minRate, x * maxRate, closest, target), x - 100);
  const offer: ThresholdOffer = { kind: 'threshold', thresholdCents: x, amountCents: y, validDays: options.validDays ?? 30 };
  const reaching = values.filter((v) => v >= x).length / values.length;
  const reasoning: ThresholdReasoning = {
    orders: values.length,
    medianCents,
    meanCents,
    basis,
    typicalCents: typical,
    multiple: x / typical,
    stretchCents: x - typical,
    shareReaching: reaching,
    effectiveRate: y / x,
    costPerRedemptionCents: y,
  };
  const label = offerLabel(offer);
  const t = formatAmount(Math.round(typical));
  const more = formatAmount(Math.round(x - typical));
  const explanation = {
    zh: `订单${basis === 'median' ? '中位数' : '均值'} ${t} 元；${label.zh} 需比典型订单多买 ${more} 元（约 ${reasoning.multiple.toFixed(2)} 倍）；过去 ${pct(reaching)} 的订单已达到 ${formatAmount(x)} 元；每次核销成本 ${formatAmount(y)} 元，优惠率 ${pct(y / x)}。`,
    en: `${basis === 'median' ? 'Median' : 'Mean'} order ${t}; ${label.en} asks for ${more} more than a typical order (×${reasoning.multiple.toFixed(2)}); ${pct(reaching)} of past orders already reach ${formatAmount(x)}; each redemption costs ${formatAmount(y)}, an effective ${pct(y / x)} off.`,
  };
  return { ok: true, offer, label, reasoning, explanation };
}

/** Options for `suggestFreeShippingCard`. */
export interface FreeShippingOptions {
  /** The shop's typical repeat cycle in days (e.g. the median customer cycle); unknown → 3 months. */
  readonly cycleDays?: number;
  /** Customers with 1 … maxOrders valid orders are eligible [2]. */
  readonly maxOrders?: number;
}

/** A free-shipping card suggestion for early buyers. */
export interface FreeShippingSuggestion {
  readonly offer: FreeShippingOffer;
  readonly label: { readonly zh: string; readonly en: string };
  /** Customer ids with 1 … maxOrders valid orders. */
  readonly eligible: Int32Array;
  /** eligible / customers with ≥ 1 valid order. */
  readonly eligibleShare: number;
  readonly explanation: { readonly zh: string; readonly en: string };
}

/**
 * A free-shipping card for 1–2-time buyers (removing the shipping fee is the cheapest nudge toward
 * the 2nd and 3rd order). Validity covers about two repeat cycles, ceil(2 × cycle / 30.4) months,
 * clamped to 1–6; 3 months when the cycle is unknown. `validOrders[c]` is customer c's valid orders.
 */
export function suggestFreeShippingCard(validOrders: ArrayLike<number>, options: FreeShippingOptions = {}): FreeShippingSuggestion {
  const maxOrders = options.maxOrders ?? 2;
  const eligible: number[] = [];
  let buyers = 0;
  for (let c = 0; c < validOrders.length; c++) {
    const n = validOrders[c]!;
    if (n >= 1) buyers++;
    if (n >= 1 && n <= maxOrders) eligible.push(c);
  }
  const cycle = options.cycleDays;
  const months = cycle === undefined || !(cycle > 0) ? 3 : Math.min(6, Math.max(1, Math.ceil((2 * cycle) / 30.4)));
  const offer: FreeShippingOffer = { kind: 'free_shipping', months };
  const why = cycle === undefined ? { zh: '未知复购周期，默认 3 个月', en: 'repeat cycle unknown, 3 months by default' } : { zh: `约覆盖两个复购周期（${Math.round(cycle)} 天）`, en: `covers about two repeat cycles (${Math.round(cycle)} days)` };
  const share = buyers === 0 ? 0 : eligible.length / buyers;
  return {
    offer,
    label: offerLabel(offer),
    eligible: Int32Array.from(eligible),
    eligibleShare: share,
    explanation: {
      zh: `${eligible.length} 位只买过 1–${maxOrders} 次的顾客（占购买顾客 ${pct(share)}）；包邮卡 ${months} 个月：${why.zh}。`,
      en: `${eligible.length} customers with 1–${maxOrders} orders (${pct(share)} of buyers); free-shipping card for ${months} month${months === 1 ? '' : 's'}: ${why.en}.`,
    },
  };
}
