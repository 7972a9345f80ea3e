/**
 * Membership tier rules as data (what a shop's config file holds). A customer is in the highest tier
 * whose spend OR order criterion is met by their valid orders inside the window — "whichever first".
 */

/** One tier. Thresholds are inclusive; `null` disables that criterion (at least one must be set). */
export interface TierRule {
  /** Stable code, e.g. `vip`. */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Cumulative net spend in cents (paid − refunds) that reaches the tier. */
  readonly minSpendCents: number | null;
  /** Valid orders that reach the tier. */
  readonly minValidOrders: number | null;
  /** Member price as 折 (9.5 = 95 % of list price); 10 = no discount. */
  readonly discountZhe: number;
}

/** Which orders count: all valid orders so far, or those of the last `days` days (a rolling window). */
export type TierWindow = { readonly kind: 'lifetime' } | { readonly kind: 'rolling'; readonly days: number };

/** A tier programme: tiers from lowest to highest, and the window. */
export interface TierConfig {
  readonly tiers: readonly TierRule[];
  readonly window: TierWindow;
}

/** Label for a customer below the lowest tier (index -1). */
export const NO_TIER = { code: 'none', zh: '非会员', en: 'Not a member' } as const;

/**
 * Taobao's four tiers (淘宝 `taobao.crm.grade.set`: 普通/高级/VIP/至尊VIP, amount OR count) with
 * defaults sized for a small-to-mid shop (AOV around ¥100–200):
 * - 普通会员 normal: the first valid order, 9.8折;
 * - 高级会员 advanced: ¥1,000 or 5 orders, 9.5折;
 * - VIP会员 vip: ¥3,000 or 10 orders, 9.0折;
 * - 至尊VIP会员 supreme: ¥8,000 or 20 orders, 8.8折.
 * Lifetime window (Taobao default: tiers never drop).
 */
export const DEFAULT_TIER_CONFIG: TierConfig = {
  tiers: [
    { code: 'normal', zh: '普通会员', en: 'Member', minSpendCents: null, minValidOrders: 1, discountZhe: 9.8 },
    { code: 'advanced', zh: '高级会员', en: 'Advanced member', minSpendCents: 100_000, minValidOrders: 5, discountZhe: 9.5 },
    { code: 'vip', zh: 'VIP会员', en: 'VIP member', minSpendCents: 300_000, minValidOrders: 10, discountZhe: 9.0 },
    { code: 'supreme', zh: '至尊VIP会员', en: 'Supreme VIP member', minSpendCents: 800_000, minValidOrders: 20, discountZhe: 8.8 },
  ],
  window: { kind: 'lifetime' },
};

/** Index of the highest tier reached with `spend` cents over `orders` valid orders; -1 if none. */
export function tierFor(tiers: readonly TierRule[], spend: number, orders: number): number {
  for (let t = tiers.length - 1; t >= 0; t--) {
    const rule = tiers[t]!;
    if (rule.minSpendCents !== null && spend >= rule.minSpendCents) return t;
    if (rule.minValidOrders !== null && orders >= rule.minValidOrders) return t;
  }
  return -1;
}
