/** Why a SKU is recommended, in display order of the reason table (index = reason id in outputs). */
export const REASON_CODES = [
  { code: 'due_replenishment', zh: '该补货了', en: 'Due for replenishment', zhFrom: '上次买的{sku}该补货了', enFrom: 'Time to restock {sku}' },
  { code: 'bought_together', zh: '常一起买', en: 'Often bought together', zhFrom: '常和{sku}一起买', enFrom: 'Often bought together with {sku}' },
  { code: 'bought_after', zh: '买过A的人之后常买', en: 'Often bought next', zhFrom: '买过{sku}的人之后常买', enFrom: 'Customers who bought {sku} often buy this next' },
  { code: 'popular', zh: '热销', en: 'Popular', zhFrom: '热销', enFrom: 'Popular' },
] as const;

/** Reason code, e.g. `bought_after`. */
export type ReasonCode = (typeof REASON_CODES)[number]['code'];

/** Reason ids (indexes into `REASON_CODES`) as stored in the `reason` column of recommendations. */
export const REASON_DUE = 0;
export const REASON_TOGETHER = 1;
export const REASON_AFTER = 2;
export const REASON_POPULAR = 3;
/** Reason id of an empty slot (fewer than N candidates). */
export const NO_REASON = 255;

/** Reason code of a reason id, or undefined for `NO_REASON` / out of range. */
export function reasonCodeOf(reason: number): ReasonCode | undefined {
  return REASON_CODES[reason]?.code;
}

/**
 * Display label of a reason id in Chinese or English. With `sourceSku` (the SKU code that triggered
 * the rule, e.g. from `Recommendations.source`) the label names it: 买过{sku}的人之后常买. Empty string for
 * `NO_REASON`.
 */
export function reasonLabel(reason: number, lang: 'zh' | 'en', sourceSku?: string): string {
  const r = REASON_CODES[reason];
  if (r === undefined) return '';
  if (sourceSku === undefined) return lang === 'zh' ? r.zh : r.en;
  return (lang === 'zh' ? r.zhFrom : r.enFrom).replace('{sku}', sourceSku);
}
