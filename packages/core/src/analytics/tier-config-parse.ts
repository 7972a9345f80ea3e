import type { TierConfig, TierRule, TierWindow } from './tier-config.ts';

/** What went wrong in a tier config, as data (format the message in the UI's language). */
export type TierConfigIssueCode = 'invalid_type' | 'missing' | 'unknown_key' | 'out_of_range' | 'no_criterion' | 'not_ascending' | 'duplicate_code';

/** One problem, with the path to the offending value (e.g. `['tiers', 2, 'minSpendCents']`). */
export interface TierConfigIssue {
  readonly code: TierConfigIssueCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly messageZh: string;
}

/** Result of `parseTierConfig`: the typed config, or every issue found. */
export type TierConfigResult = { readonly success: true; readonly data: TierConfig } | { readonly success: false; readonly issues: readonly TierConfigIssue[] };

const RULE_KEYS = ['code', 'zh', 'en', 'minSpendCents', 'minValidOrders', 'discountZhe'];

/**
 * Validates an untrusted value (parsed JSON/YAML) as a `TierConfig` and reports all issues at once.
 * Rules: 1–10 tiers, unique non-empty codes, zh/en labels, each tier with at least one criterion
 * (spend ≥ 0 cents, orders an integer ≥ 1), criteria non-decreasing from tier to tier where both
 * tiers set them, 0 < discountZhe ≤ 10 and non-increasing (higher tiers never pay more), window
 * `lifetime` or `rolling` with 1–3650 days. Unknown keys are errors, to catch typos.
 */
export function parseTierConfig(input: unknown): TierConfigResult {
  const issues: TierConfigIssue[] = [];
  const add = (code: TierConfigIssueCode, path: (string | number)[], message: string, messageZh: string): void => {
    issues.push({ code, path, message, messageZh });
  };
  if (!isRecord(input)) {
    add('invalid_type', [], 'tier config must be an object', '会员等级配置必须是对象');
    return { success: false, issues };
  }
  for (const k of Object.keys(input)) if (k !== 'tiers' && k !== 'window') add('unknown_key', [k], `unknown key "${k}"`, `未知字段 "${k}"`);
  const tiers: TierRule[] = [];
  const rawTiers = input['tiers'];
  if (!Array.isArray(rawTiers)) add(rawTiers === undefined ? 'missing' : 'invalid_type', ['tiers'], 'tiers must be an array', 'tiers 必须是数组');
  else if (rawTiers.length < 1 || rawTiers.length > 10) add('out_of_range', ['tiers'], 'between 1 and 10 tiers', '等级数量须在 1 到 10 之间');
  else rawTiers.forEach((raw: unknown, i) => {
    const rule = parseRule(raw, ['tiers', i], add);
    if (rule !== undefined) tiers.push(rule);
  });
  if (issues.length === 0) checkOrder(tiers, add);
  const window = parseWindow(input['window'], add);
  if (issues.length > 0 || window === undefined) return { success: false, issues };
  return { success: true, data: { tiers, window } };
}

type Add = (code: TierConfigIssueCode, path: (string | number)[], message: string, messageZh: string) => void;

function parseRule(raw: unknown, path: (string | number)[], add: Add): TierRule | undefined {
  if (!isRecord(raw)) {
    add('invalid_type', path, 'tier must be an object', '等级必须是对象');
    return undefined;
  }
  let ok = true;
  for (const k of Object.keys(raw)) if (!RULE_KEYS.includes(k)) { add('unknown_key', [...path, k], `unknown key "${k}"`, `未知字段 "${k}"`); ok = false; }
  const text = (k: string): string => {
    const v = raw[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
    add(v === undefined ? 'missing' : 'invalid_type', [...path, k], `${k} must be a non-empty string`, `${k} 必须是非空字符串`);
    ok = false;
    return '';
  };
  const threshold = (k: string, min: number, integer: boolean): number | null => {
    const v = raw[k];
    if (v === null || v === undefined) return null;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (integer && !Number.isInteger(v))) {
      add(typeof v === 'number' ? 'out_of_range' : 'invalid_type', [...path, k], `${k} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, or null`, `${k} 必须是 ≥ ${min} 的${integer ? '整数' : '数字'}或 null`);
      ok = false;
    }
    return typeof v === 'number' ? v : null;
  };
  const code = text('code');
  const zh = text('zh');
  const en = text('en');
  const minSpendCents = threshold('minSpendCents', 0, false);
  const minValidOrders = threshold('minValidOrders', 1, true);
  const d = raw['discountZhe'];
  if (typeof d !== 'number' || !(d > 0 && d <= 10)) {
    add(d === undefined ? 'missing' : typeof d === 'number' ? 'out_of_range' : 'invalid_type', [...path, 'discountZhe'], 'discountZhe must be a number in (0, 10]', 'discountZhe 折扣须在 (0, 10] 之间');
    ok = false;
  }
  if (ok && minSpendCents === null && minValidOrders === null) {
    add('no_criterion', path, 'set minSpendCents or minValidOrders (or both)', '须设置 minSpendCents 或 minValidOrders（或两者）');
    ok = false;
  }
  return ok && typeof d === 'number' ? { code, zh, en, minSpendCents, minValidOrders, discountZhe: d } : undefined;
}

function checkOrder(tiers: readonly TierRule[], add: Add): void {
  const seen = new Set<string>();
  tiers.forEach((t, i) => {
    if (seen.has(t.code)) add('duplicate_code', ['tiers', i, 'code'], `duplicate tier code "${t.code}"`, `等级代码 "${t.code}" 重复`);
    seen.add(t.code);
    const p = tiers[i - 1];
    if (p === undefined) return;
    if (t.minSpendCents !== null && p.minSpendCents !== null && t.minSpendCents < p.minSpendCents)
      add('not_ascending', ['tiers', i, 'minSpendCents'], 'minSpendCents must not be below the previous tier', 'minSpendCents 不能低于上一等级');
    if (t.minValidOrders !== null && p.minValidOrders !== null && t.minValidOrders < p.minValidOrders)
      add('not_ascending', ['tiers', i, 'minValidOrders'], 'minValidOrders must not be below the previous tier', 'minValidOrders 不能低于上一等级');
    if (t.discountZhe > p.discountZhe)
      add('not_ascending', ['tiers', i, 'discountZhe'], 'a higher tier must not have a smaller discount', '更高等级的折扣不能更少');
  });
}

function parseWindow(raw: unknown, add: Add): TierWindow | undefined {
  if (raw === undefined) return { kind: 'lifetime' };
  if (!isRecord(raw)) {
    add('invalid_type', ['window'], 'window must be an object', 'window 必须是对象');
    return undefined;
  }
  const kind = raw['kind'];
  if (kind === 'lifetime' && Object.keys(raw).length === 1) return { kind: 'lifetime' };
  if (kind === 'rolling') {
    const extra = Object.keys(raw).filter((k) => k !== 'kind' && k !== 'days');
    for (const k of extra) add('unknown_key', ['window', k], `unknown key "${k}"`, `未知字段 "${k}"`);
    const days = raw['days'];
    if (extra.length > 0) return undefined;
    if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 3650) return { kind: 'rolling', days };
    add('out_of_range', ['window', 'days'], 'days must be an integer from 1 to 3650', 'days 必须是 1 到 3650 的整数');
    return undefined;
  }
  add(kind === undefined ? 'missing' : 'invalid_type', ['window', 'kind'], 'kind must be "lifetime" or "rolling" (lifetime takes no other key)', 'kind 必须是 "lifetime" 或 "rolling"（lifetime 不带其他字段）');
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
