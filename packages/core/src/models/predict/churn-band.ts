/** Churn-risk bands from P(alive). */

/** Band codes stored in a Uint8Array: 0 low, 1 medium, 2 high, 3 lost. */
export const CHURN_BANDS = ['low', 'medium', 'high', 'lost'] as const;
/** A churn-risk band label. */
export type ChurnBand = (typeof CHURN_BANDS)[number];

/** Lower P(alive) bounds: >= low → 'low' risk, >= medium → 'medium', >= high → 'high', else 'lost'. */
export interface ChurnThresholds {
  readonly low: number;
  readonly medium: number;
  readonly high: number;
}

/** Default thresholds (0.7 / 0.4 / 0.1). */
export const DEFAULT_CHURN_THRESHOLDS: ChurnThresholds = { low: 0.7, medium: 0.4, high: 0.1 };

/** Band code (index into {@link CHURN_BANDS}) for one P(alive). */
export function churnBandCode(pAlive: number, th: ChurnThresholds = DEFAULT_CHURN_THRESHOLDS): 0 | 1 | 2 | 3 {
  if (pAlive >= th.low) return 0;
  if (pAlive >= th.medium) return 1;
  if (pAlive >= th.high) return 2;
  return 3;
}

/** True when thresholds are ordered 1 >= low >= medium >= high >= 0. */
export function validChurnThresholds(th: ChurnThresholds): boolean {
  return th.low <= 1 && th.low >= th.medium && th.medium >= th.high && th.high >= 0;
}
