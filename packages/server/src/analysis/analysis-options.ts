/**
 * Options of an analysis run, with defaults, and the parser of the optional JSON config file
 * (`huitou analyze --config FILE`): tiers, lifecycle thresholds, RFM reference, customer types,
 * promotion days, replenishment windows.
 */
import { DEFAULT_LIFECYCLE_THRESHOLDS, DEFAULT_PROMO_CALENDAR, DEFAULT_TIER_CONFIG, parseDay, parseTierConfig } from '@huitou/core';
import type { LifecycleThresholds, PromoCalendar, PromoWindow, TierConfig } from '@huitou/core';

export interface AnalysisOptions {
  /** Shop-local day number the analysis is "as of" (orders after it are ignored). */
  readonly asOfDay: number;
  readonly rfmReference: 'mean' | 'median';
  readonly rfmBasis: 'value' | 'score';
  /** Fixed thresholds, or adaptive (scaled to the shop's repurchase cycle). */
  readonly lifecycleMode: 'fixed' | 'adaptive';
  readonly lifecycleThresholds: LifecycleThresholds;
  readonly newWithinDays: number;
  readonly loyalMinOrders: number;
  readonly tiers: TierConfig;
  readonly dueSoonDays: number;
  readonly overdueAfterDays: number;
  /** Promotion days left out of cycle estimates. */
  readonly promotions: PromoCalendar;
  /** BG/NBD + Gamma-Gamma predictions (P(alive), expected purchases, CLV, next order, churn risk). */
  readonly predictions: boolean;
  readonly clvMonths: number;
  readonly monthlyDiscountRate: number;
  readonly grossMargin: number;
}

export function defaultAnalysisOptions(asOfDay: number): AnalysisOptions {
  return {
    asOfDay,
    rfmReference: 'mean',
    rfmBasis: 'value',
    lifecycleMode: 'fixed',
    lifecycleThresholds: DEFAULT_LIFECYCLE_THRESHOLDS,
    newWithinDays: 30,
    loyalMinOrders: 5,
    tiers: DEFAULT_TIER_CONFIG,
    dueSoonDays: 7,
    overdueAfterDays: 14,
    promotions: DEFAULT_PROMO_CALENDAR,
    predictions: true,
    clvMonths: 12,
    monthlyDiscountRate: 0.01,
    grossMargin: 1,
  };
}

export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

const KEYS = ['rfm', 'lifecycle', 'customerTypes', 'tiers', 'replenishment', 'predictions', 'promotions'] as const;

/**
 * Applies a config document to the options. Unknown keys and wrong types are reported with their path,
 * never ignored: a typo in a seller's config must not silently fall back to a default.
 */
export function applyAnalysisConfig(base: AnalysisOptions, doc: unknown): { options: AnalysisOptions; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  if (!isRecord(doc)) return { options: base, issues: [{ path: '', message: 'the config must be a JSON object' }] };
  let options: AnalysisOptions = base;
  for (const key of Object.keys(doc)) {
    if (!KEYS.some((k) => k === key)) issues.push({ path: key, message: `unknown key; expected one of ${KEYS.join(', ')}` });
  }
  const rfm = doc['rfm'];
  if (rfm !== undefined) {
    if (!isRecord(rfm)) issues.push({ path: 'rfm', message: 'must be an object' });
    else {
      const reference = rfm['reference'];
      if (reference !== undefined && reference !== 'mean' && reference !== 'median') issues.push({ path: 'rfm.reference', message: 'must be "mean" or "median"' });
      else if (reference !== undefined) options = { ...options, rfmReference: reference };
      const basis = rfm['basis'];
      if (basis !== undefined && basis !== 'value' && basis !== 'score') issues.push({ path: 'rfm.basis', message: 'must be "value" or "score"' });
      else if (basis !== undefined) options = { ...options, rfmBasis: basis };
    }
  }
  const lifecycle = doc['lifecycle'];
  if (lifecycle !== undefined) {
    if (!isRecord(lifecycle)) issues.push({ path: 'lifecycle', message: 'must be an object' });
    else {
      const mode = lifecycle['mode'];
      if (mode !== undefined && mode !== 'fixed' && mode !== 'adaptive') issues.push({ path: 'lifecycle.mode', message: 'must be "fixed" or "adaptive"' });
      else if (mode !== undefined) options = { ...options, lifecycleMode: mode };
      const t = { ...options.lifecycleThresholds };
      for (const k of ['activeMaxDays', 'silentMaxDays', 'sleepingMaxDays', 'aboutToLoseMaxDays'] as const) {
        const v = lifecycle[k];
        if (v === undefined) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) issues.push({ path: `lifecycle.${k}`, message: 'must be a whole number of days ≥ 1' });
        else t[k] = v;
      }
      if (!(t.activeMaxDays < t.silentMaxDays && t.silentMaxDays < t.sleepingMaxDays && t.sleepingMaxDays < t.aboutToLoseMaxDays)) {
        issues.push({ path: 'lifecycle', message: 'thresholds must increase: active < silent < sleeping < about to lose' });
      } else options = { ...options, lifecycleThresholds: t };
    }
  }
  const types = doc['customerTypes'];
  if (types !== undefined) {
    if (!isRecord(types)) issues.push({ path: 'customerTypes', message: 'must be an object' });
    else {
      for (const [k, field] of [['newWithinDays', 'newWithinDays'], ['loyalMinOrders', 'loyalMinOrders']] as const) {
        const v = types[k];
        if (v === undefined) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) issues.push({ path: `customerTypes.${k}`, message: 'must be a whole number ≥ 1' });
        else options = { ...options, [field]: v };
      }
    }
  }
  const replenishment = doc['replenishment'];
  if (replenishment !== undefined) {
    if (!isRecord(replenishment)) issues.push({ path: 'replenishment', message: 'must be an object' });
    else {
      for (const k of ['dueSoonDays', 'overdueAfterDays'] as const) {
        const v = replenishment[k];
        if (v === undefined) continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) issues.push({ path: `replenishment.${k}`, message: 'must be a whole number ≥ 0' });
        else options = { ...options, [k]: v };
      }
    }
  }
  const predictions = doc['predictions'];
  if (predictions !== undefined) {
    if (!isRecord(predictions)) issues.push({ path: 'predictions', message: 'must be an object' });
    else {
      const enabled = predictions['enabled'];
      if (enabled !== undefined && typeof enabled !== 'boolean') issues.push({ path: 'predictions.enabled', message: 'must be true or false' });
      else if (enabled !== undefined) options = { ...options, predictions: enabled };
      const ranges: [string, 'clvMonths' | 'monthlyDiscountRate' | 'grossMargin', number, number][] = [
        ['clvMonths', 'clvMonths', 1, 120],
        ['monthlyDiscountRate', 'monthlyDiscountRate', 0, 1],
        ['grossMargin', 'grossMargin', 0, 1],
      ];
      for (const [k, field, min, max] of ranges) {
        const v = predictions[k];
        if (v === undefined) continue;
        if (typeof v !== 'number' || !(v >= min && v <= max)) issues.push({ path: `predictions.${k}`, message: `must be a number from ${min} to ${max}` });
        else options = { ...options, [field]: v };
      }
    }
  }
  if (doc['promotions'] !== undefined) {
    const parsed = parsePromotions(doc['promotions'], issues);
    if (parsed !== null) options = { ...options, promotions: parsed };
  }
  if (doc['tiers'] !== undefined) {
    const parsed = parseTierConfig(doc['tiers']);
    if (parsed.success) options = { ...options, tiers: parsed.data };
    else for (const i of parsed.issues) issues.push({ path: ['tiers', ...i.path].join('.'), message: i.message });
  }
  return { options, issues };
}

/**
 * `promotions`: `{"yearly": [{"code", "month", "day", "before", "after", "zh"?, "en"?}], "dates": ["2025-03-08"]}`.
 * Yearly windows replace the defaults (11-11 ±3, 6-18 ±3, 12-12 ±1); dates are one-off shop events.
 */
function parsePromotions(raw: unknown, issues: ConfigIssue[]): PromoCalendar | null {
  if (!isRecord(raw)) {
    issues.push({ path: 'promotions', message: 'must be an object with "yearly" and/or "dates"' });
    return null;
  }
  const before = issues.length;
  for (const key of Object.keys(raw)) if (key !== 'yearly' && key !== 'dates') issues.push({ path: `promotions.${key}`, message: 'unknown key; expected yearly or dates' });
  let windows: PromoWindow[] = [...DEFAULT_PROMO_CALENDAR.windows];
  const yearly = raw['yearly'];
  if (yearly !== undefined) {
    if (!Array.isArray(yearly)) issues.push({ path: 'promotions.yearly', message: 'must be a list' });
    else {
      windows = [];
      yearly.forEach((w: unknown, i) => {
        const path = `promotions.yearly.${i}`;
        if (!isRecord(w)) return issues.push({ path, message: 'must be an object' });
        const int = (k: string, min: number, max: number): number | null => {
          const v = w[k];
          if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
          issues.push({ path: `${path}.${k}`, message: `must be a whole number from ${min} to ${max}` });
          return null;
        };
        const month = int('month', 1, 12);
        const day = int('day', 1, 31);
        const b = w['before'] === undefined ? 0 : int('before', 0, 30);
        const a = w['after'] === undefined ? 0 : int('after', 0, 30);
        const code = typeof w['code'] === 'string' ? w['code'] : `promo_${i}`;
        if (month === null || day === null || b === null || a === null) return undefined;
        windows.push({ code, zh: typeof w['zh'] === 'string' ? w['zh'] : code, en: typeof w['en'] === 'string' ? w['en'] : code, month, dayOfMonth: day, before: b, after: a });
        return undefined;
      });
    }
  }
  const extraDays: number[] = [];
  const dates = raw['dates'];
  if (dates !== undefined) {
    if (!Array.isArray(dates)) issues.push({ path: 'promotions.dates', message: 'must be a list of YYYY-MM-DD' });
    else
      dates.forEach((d: unknown, i) => {
        const day = typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? parseDay(d) : Number.NaN;
        if (Number.isFinite(day)) extraDays.push(day);
        else issues.push({ path: `promotions.dates.${i}`, message: 'must be a date YYYY-MM-DD' });
      });
  }
  return issues.length > before ? null : { windows, extraDays };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
