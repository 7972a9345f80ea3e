/** Readers for the values in a rule document: each checks one value and records an issue when it is wrong. */
import { formatDay, parseDay } from '@huitou/core';
import type { IssueList } from './issues.ts';
import { dateText, isDate } from './issues.ts';
import { LIMITS } from './fields.ts';
import type { IssuePath } from './types.ts';

/** Shared state of one parse: the issues and the running totals the limits apply to. */
export interface ParseContext {
  readonly issues: IssueList;
  /** Tier codes the shop uses; null accepts any code. */
  readonly tiers: readonly string[] | null;
  conditions: number;
  values: number;
}

/** Reads one value; undefined when it was wrong (an issue has been recorded). */
export type Reader<T> = (value: unknown, path: IssuePath, ctx: ParseContext) => T | undefined;

/** Largest number of values bound in one rule (PostgreSQL allows 65,535 parameters per statement). */
const MAX_TOTAL_VALUES = 5_000;
const MIN_DAY = parseDay('1900-01-01');
const MAX_DAY = parseDay('2199-12-31');

/** True for a plain mapping (not null, a list or a date). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDate(value);
}

/** A finite number within ±1e15. */
export const readNumber: Reader<number> = (value, path, ctx) => {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    ctx.issues.expected(path, 'expected_number', 'a number', '数字', value);
    return undefined;
  }
  if (!Number.isFinite(value) || Math.abs(value) > LIMITS.maxAbsNumber) {
    ctx.issues.add(path, 'out_of_range', `${value} is out of range (at most ±1e15)`, `${value} 超出范围（绝对值不超过 1e15）`);
    return undefined;
  }
  return count(value, path, ctx);
};

/** A whole number of days, within about 100 years; `min` is 0 for counts that cannot be negative. */
export function daysReader(min: number): Reader<number> {
  return (value, path, ctx) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      ctx.issues.expected(path, 'expected_integer', 'a whole number of days', '整数天数', value);
      return undefined;
    }
    if (value < min || value > LIMITS.maxAbsDays || value < -LIMITS.maxAbsDays) {
      const low = Math.max(min, -LIMITS.maxAbsDays);
      ctx.issues.add(path, 'out_of_range', `${value} days is out of range (${low} to ${LIMITS.maxAbsDays})`, `${value} 天超出范围（${low} 到 ${LIMITS.maxAbsDays}）`);
      return undefined;
    }
    return count(value, path, ctx);
  };
}

/** A calendar date `YYYY-MM-DD` (or a YAML date) between 1900 and 2199, as a day number. */
export const readDate: Reader<number> = (value, path, ctx) => {
  let text: string | null = null;
  if (typeof value === 'string') text = value;
  else if (isDate(value)) text = dateText(value);
  let day: number | null = null;
  if (text !== null) {
    try {
      day = parseDay(text);
    } catch {
      day = null;
    }
  }
  if (day === null) {
    ctx.issues.expected(path, 'expected_date', 'a date like 2026-06-18', '日期（如 2026-06-18）', value);
    return undefined;
  }
  if (day < MIN_DAY || day > MAX_DAY) {
    ctx.issues.add(path, 'out_of_range', `${formatDay(day)} is out of range (1900-01-01 to 2199-12-31)`, `${formatDay(day)} 超出范围（1900-01-01 到 2199-12-31）`);
    return undefined;
  }
  return count(day, path, ctx);
};

/** Text of 1–200 characters without control characters (PostgreSQL text cannot hold NUL), trimmed; whole numbers are accepted as text (a SKU like 10023 written unquoted in YAML). */
export const readText: Reader<string> = (value, path, ctx) => {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string') {
    ctx.issues.expected(path, 'expected_string', 'text', '文本', value);
    return undefined;
  }
  if (text.trim() === '') {
    ctx.issues.add(path, 'empty_string', 'expected text, got an empty string', '应为非空文本，实际为空字符串');
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    ctx.issues.add(path, 'invalid_text', 'text cannot contain control characters (NUL, tab, line breaks…)', '文本不能包含控制字符（NUL、制表符、换行等）');
    return undefined;
  }
  if (text.length > LIMITS.maxStringLength) {
    ctx.issues.add(path, 'string_too_long', `text longer than ${LIMITS.maxStringLength} characters`, `文本超过 ${LIMITS.maxStringLength} 个字符`);
    return undefined;
  }
  return count(text.trim(), path, ctx);
};

/** true or false. */
export const readBoolean: Reader<boolean> = (value, path, ctx) => {
  if (typeof value !== 'boolean') {
    ctx.issues.expected(path, 'expected_boolean', 'true or false', 'true 或 false', value);
    return undefined;
  }
  return value;
};

/** One of `allowed`; `en`/`zh` name the field in messages. */
export function enumReader<T extends string>(allowed: readonly T[], en: string, zh: string): Reader<T> {
  return (value, path, ctx) => {
    if (typeof value !== 'string') {
      ctx.issues.expected(path, 'expected_string', `one of ${allowed.join(', ')}`, `以下之一：${allowed.join(', ')}`, value);
      return undefined;
    }
    const found = allowed.find((a) => a === value);
    if (found === undefined) {
      ctx.issues.unknownValue(path, value, allowed, en, zh);
      return undefined;
    }
    return count(found, path, ctx);
  };
}

/** A non-empty list of values read by `item`; a single value is accepted as a list of one when `single`. */
export function readList<T>(value: unknown, path: IssuePath, ctx: ParseContext, item: Reader<T>, single = false): T[] | undefined {
  if (!Array.isArray(value)) {
    if (single && !isRecord(value)) {
      const one = item(value, path, ctx);
      return one === undefined ? undefined : [one];
    }
    ctx.issues.expected(path, 'expected_list', 'a list', '列表', value);
    return undefined;
  }
  if (value.length === 0) {
    ctx.issues.add(path, 'empty_list', 'the list is empty: it would match nobody', '列表为空：不会匹配任何客户');
    return undefined;
  }
  if (value.length > LIMITS.maxValues) {
    ctx.issues.add(path, 'too_many_values', `more than ${LIMITS.maxValues} values in one list`, `一个列表超过 ${LIMITS.maxValues} 个值`);
    return undefined;
  }
  const out: T[] = [];
  let ok = true;
  value.forEach((v: unknown, i) => {
    const read = item(v, [...path, i], ctx);
    if (read === undefined) ok = false;
    else out.push(read);
  });
  return ok ? out : undefined;
}

/** Counts a value towards the per-rule limit (each becomes one bound parameter). */
function count<T>(value: T, path: IssuePath, ctx: ParseContext): T | undefined {
  ctx.values++;
  if (ctx.values === MAX_TOTAL_VALUES + 1) {
    ctx.issues.add(path, 'too_many_values', `more than ${MAX_TOTAL_VALUES} values in one rule`, `一条规则超过 ${MAX_TOTAL_VALUES} 个值`);
  }
  return ctx.values > MAX_TOTAL_VALUES ? undefined : value;
}
