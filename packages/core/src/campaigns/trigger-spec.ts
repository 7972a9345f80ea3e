/**
 * The trigger a campaign is configured with, as data (stored as JSON, validated here), so the
 * server's planner and the UI share one shape. The functions that evaluate each kind live in
 * `cron.ts`, `date-triggers.ts` and `event-triggers.ts`.
 */
import { LIFECYCLE_STAGES, type LifecycleStageCode } from '../analytics/lifecycle.ts';
import { parseCron } from './cron-parse.ts';
import { RETAIL_DATES, type RetailDateCode } from './retail-calendar.ts';
import type { WallTime } from './zoned-time.ts';

/** Any trigger. Day counts are whole days ≥ 0. */
export type TriggerSpec =
  | { readonly kind: 'once'; readonly at: WallTime }
  | { readonly kind: 'recurring'; readonly cron: string }
  | { readonly kind: 'birthday'; readonly daysBefore: number }
  | { readonly kind: 'anniversary'; readonly daysBefore: number; readonly minYears?: number }
  | { readonly kind: 'member_day'; readonly daysOfMonth: readonly number[]; readonly daysBefore: number }
  | { readonly kind: 'retail_date'; readonly code: RetailDateCode; readonly daysBefore: number }
  | { readonly kind: 'shop_date'; readonly code: string; readonly daysBefore: number }
  | { readonly kind: 'after_order'; readonly days: number }
  | { readonly kind: 'sku_due'; readonly leadDays: number }
  | { readonly kind: 'stage_entered'; readonly stage: LifecycleStageCode }
  | { readonly kind: 'palive_below'; readonly threshold: number }
  | { readonly kind: 'tier_upgrade'; readonly minTierCode?: string };

/** A problem with a trigger; `path` names the field. */
export interface TriggerIssue {
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

/** Whole days 0–366 for lead times and delays. */
function days(out: TriggerIssue[], path: string, n: number, max = 366): void {
  if (!Number.isInteger(n) || n < 0 || n > max) out.push({ path, message: `${path} must be a whole number of days 0–${max}`, messageZh: `${path} 必须是 0–${max} 的整数天` });
}

/** Slugs go into occurrence keys: lower-case letters, digits, `_` and `-`. */
const SLUG = /^[a-z0-9_-]{1,40}$/;

/** Checks a trigger; an empty list means valid. */
export function validateTrigger(spec: TriggerSpec): TriggerIssue[] {
  const out: TriggerIssue[] = [];
  switch (spec.kind) {
    case 'once': {
      const { year, month, day, hour, minute } = spec.at;
      const d = new Date(Date.UTC(year, month - 1, day, hour, minute));
      const ok = [year, month, day, hour, minute].every(Number.isInteger) && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day && d.getUTCHours() === hour && d.getUTCMinutes() === minute;
      if (!ok) out.push({ path: 'at', message: 'not a valid date and time', messageZh: '不是有效的日期和时间' });
      break;
    }
    case 'recurring': {
      const r = parseCron(spec.cron);
      if (!r.ok) out.push({ path: 'cron', message: r.error.message, messageZh: r.error.messageZh });
      break;
    }
    case 'birthday':
      days(out, 'daysBefore', spec.daysBefore);
      break;
    case 'anniversary':
      days(out, 'daysBefore', spec.daysBefore);
      if (spec.minYears !== undefined && !(Number.isInteger(spec.minYears) && spec.minYears >= 1)) out.push({ path: 'minYears', message: 'minYears must be a whole number ≥ 1', messageZh: 'minYears 必须是不小于 1 的整数' });
      break;
    case 'member_day':
      days(out, 'daysBefore', spec.daysBefore, 27);
      if (spec.daysOfMonth.length === 0 || !spec.daysOfMonth.every((d) => Number.isInteger(d) && d >= 1 && d <= 31)) {
        out.push({ path: 'daysOfMonth', message: 'list one or more days of the month, 1–31', messageZh: '请填写 1–31 之间的日期（至少一个）' });
      }
      break;
    case 'retail_date':
      days(out, 'daysBefore', spec.daysBefore, 60);
      if (!RETAIL_DATES.some((d) => d.code === spec.code)) out.push({ path: 'code', message: `unknown retail date ${spec.code}`, messageZh: `未知的节日代码 ${spec.code}` });
      break;
    case 'shop_date':
      days(out, 'daysBefore', spec.daysBefore, 60);
      if (!SLUG.test(spec.code)) out.push({ path: 'code', message: 'code must be 1–40 of a–z, 0–9, _ and -', messageZh: '代码只能包含小写字母、数字、_ 和 -（1–40 个字符）' });
      break;
    case 'after_order':
      days(out, 'days', spec.days);
      if (spec.days === 0) out.push({ path: 'days', message: 'at least 1 day after the order', messageZh: '至少在下单 1 天后' });
      break;
    case 'sku_due':
      days(out, 'leadDays', spec.leadDays, 60);
      break;
    case 'stage_entered':
      if (!LIFECYCLE_STAGES.some((s) => s.code === spec.stage)) out.push({ path: 'stage', message: `unknown stage ${spec.stage}`, messageZh: `未知的生命周期阶段 ${spec.stage}` });
      break;
    case 'palive_below':
      if (!(spec.threshold > 0 && spec.threshold < 1)) out.push({ path: 'threshold', message: 'threshold must be between 0 and 1', messageZh: '阈值必须在 0 到 1 之间' });
      break;
    case 'tier_upgrade':
      break;
  }
  return out;
}
