/**
 * Options of an analysis run, with defaults, and the parser of the optional JSON config file
 * (`huitou analyze --config FILE`): tiers, lifecycle thresholds, RFM reference, customer types,
 * promotion days, replenishment windows.
 */
import { DEFAULT_LIFECYCLE_THRESHOLDS, DEFAULT_TIER_CONFIG, parseTierConfig } from '@huitou/core';
import type { LifecycleThresholds, TierConfig } from '@huitou/core';

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

const KEYS = ['rfm', 'lifecycle', 'customerTypes', 'tiers', 'replenishment', 'predictions'] as const;

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
  if (doc['tiers'] !== undefined) {
    const parsed = parseTierConfig(doc['tiers']);
    if (parsed.success) options = { ...options, tiers: parsed.data };
    else for (const i of parsed.issues) issues.push({ path: ['tiers', ...i.path].join('.'), message: i.message });
  }
  return { options, issues };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
