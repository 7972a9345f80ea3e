/**
 * Standard 5-field cron: `minute hour day-of-month month day-of-week`.
 *
 * Accepted: `*`, numbers, lists `1,15`, ranges `1-5`, steps `*\/15`, `8-18/2`, `5/10` (5 to the
 * field's end), month names `JAN`–`DEC`, weekday names `SUN`–`SAT` (case-insensitive), weekday 7 as
 * Sunday, `?` as `*` in the two day fields, `L` (last day of the month) in day-of-month, and the
 * macros `@yearly` `@annually` `@monthly` `@weekly` `@daily` `@midnight` `@hourly`.
 *
 * Day rule (classic Vixie cron): when both day-of-month and day-of-week are restricted (neither
 * starts with `*` or `?`), a day matches if EITHER matches (`0 9 1 * MON` = the 1st and every
 * Monday); otherwise both must match, which means only the restricted one counts. Note `*\/2`
 * starts with `*`, so it counts as unrestricted for this rule, as in Vixie cron.
 */

/** Field names, in order. */
export type CronFieldName = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

/** Why an expression was rejected. */
export type CronErrorCode = 'empty' | 'field_count' | 'bad_token' | 'unknown_name' | 'out_of_range' | 'bad_range' | 'bad_step' | 'never_matches';

/** A parse error; `position` is the 0-based character offset in the input where the problem starts. */
export interface CronError {
  readonly code: CronErrorCode;
  readonly message: string;
  readonly messageZh: string;
  readonly position: number;
  readonly field: CronFieldName | null;
}

/** A parsed expression. Value lists are sorted and de-duplicated. */
export interface Cron {
  readonly source: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** 1–31 (without `L`). */
  readonly daysOfMonth: readonly number[];
  /** `L` was given: the month's last day matches too. */
  readonly lastDayOfMonth: boolean;
  /** 1–12. */
  readonly months: readonly number[];
  /** 0–6, 0 = Sunday. */
  readonly daysOfWeek: readonly number[];
  readonly dayOfMonthRestricted: boolean;
  readonly dayOfWeekRestricted: boolean;
}

/** Result of `parseCron`. */
export type CronParseResult = { readonly ok: true; readonly cron: Cron } | { readonly ok: false; readonly error: CronError };

interface FieldSpec {
  readonly name: CronFieldName;
  readonly zh: string;
  readonly min: number;
  readonly max: number;
  readonly names: readonly string[] | null;
  readonly nameBase: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', zh: '分钟', min: 0, max: 59, names: null, nameBase: 0 },
  { name: 'hour', zh: '小时', min: 0, max: 23, names: null, nameBase: 0 },
  { name: 'dayOfMonth', zh: '日期', min: 1, max: 31, names: null, nameBase: 0 },
  { name: 'month', zh: '月份', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'], nameBase: 1 },
  // 7 is accepted as Sunday and folded to 0 after parsing.
  { name: 'dayOfWeek', zh: '星期', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], nameBase: 0 },
];

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Longest day of each month (February counts 29). */
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

class CronFailure {
  constructor(readonly error: CronError) {}
}

function fail(code: CronErrorCode, position: number, field: FieldSpec | null, message: string, messageZh: string): never {
  throw new CronFailure({ code, position, field: field?.name ?? null, message, messageZh });
}

function parseValue(token: string, at: number, f: FieldSpec): number {
  if (/^\d+$/.test(token)) {
    const v = Number(token);
    if (v < f.min || v > f.max) fail('out_of_range', at, f, `${f.name} value ${v} is outside ${f.min}–${f.max}`, `${f.zh}的值 ${v} 超出范围 ${f.min}–${f.max}`);
    return v;
  }
  if (/^[A-Za-z]+$/.test(token)) {
    const i = f.names?.indexOf(token.toUpperCase()) ?? -1;
    if (i < 0) fail('unknown_name', at, f, `unknown name "${token}" in ${f.name}`, `${f.zh}中有无法识别的名称“${token}”`);
    return i + f.nameBase;
  }
  return fail('bad_token', at, f, `cannot read "${token}" in ${f.name}`, `${f.zh}中无法识别“${token}”`);
}

interface FieldValues {
  readonly values: Set<number>;
  readonly last: boolean;
}

function parseField(text: string, at: number, f: FieldSpec): FieldValues {
  const values = new Set<number>();
  let last = false;
  let offset = at;
  for (const item of text.split(',')) {
    const itemAt = offset;
    offset += item.length + 1;
    if (item === '') fail('bad_token', itemAt, f, `empty list item in ${f.name}`, `${f.zh}的列表中有空项`);
    if (item.toUpperCase() === 'L' && f.name === 'dayOfMonth') {
      last = true;
      continue;
    }
    const slash = item.indexOf('/');
    const rangePart = slash < 0 ? item : item.slice(0, slash);
    let step = 1;
    if (slash >= 0) {
      const stepText = item.slice(slash + 1);
      if (!/^\d+$/.test(stepText) || Number(stepText) < 1) {
        fail('bad_step', itemAt + slash + 1, f, `step "${stepText}" in ${f.name} must be a whole number ≥ 1`, `${f.zh}的步长“${stepText}”必须是不小于 1 的整数`);
      }
      step = Number(stepText);
    }
    let lo = f.min;
    let hi = f.name === 'dayOfWeek' ? 6 : f.max;
    if (rangePart !== '*' && !(rangePart === '?' && (f.name === 'dayOfMonth' || f.name === 'dayOfWeek'))) {
      const dash = rangePart.indexOf('-');
      if (dash < 0) {
        lo = parseValue(rangePart, itemAt, f);
        hi = slash < 0 ? lo : f.name === 'dayOfWeek' ? 6 : f.max;
      } else {
        lo = parseValue(rangePart.slice(0, dash), itemAt, f);
        hi = parseValue(rangePart.slice(dash + 1), itemAt + dash + 1, f);
        if (hi < lo) fail('bad_range', itemAt, f, `range ${rangePart} in ${f.name} runs backwards`, `${f.zh}的范围 ${rangePart} 起点大于终点`);
      }
    }
    for (let v = lo; v <= hi; v += step) values.add(f.name === 'dayOfWeek' && v === 7 ? 0 : v);
  }
  return { values, last };
}

function sorted(s: Set<number>): number[] {
  return [...s].sort((a, b) => a - b);
}

function build(source: string, body: string, bodyAt: number): Cron {
  const parts: { text: string; at: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) parts.push({ text: m[0], at: bodyAt + m.index });
  if (parts.length !== 5) {
    fail('field_count', parts[5]?.at ?? source.length, null, `expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`, `需要 5 个字段（分 时 日 月 周），实际为 ${parts.length} 个`);
  }
  const field = (i: number): FieldValues => parseField(parts[i]!.text, parts[i]!.at, FIELDS[i]!);
  const restricted = (i: number): boolean => !/^[*?]/.test(parts[i]!.text);
  const [minute, hour, dom, month, dow] = [field(0), field(1), field(2), field(3), field(4)];
  const cron: Cron = {
    source,
    minutes: sorted(minute.values),
    hours: sorted(hour.values),
    daysOfMonth: sorted(dom.values),
    lastDayOfMonth: dom.last,
    months: sorted(month.values),
    daysOfWeek: sorted(dow.values),
    dayOfMonthRestricted: restricted(2),
    dayOfWeekRestricted: restricted(4),
  };
  if (cron.dayOfMonthRestricted && !cron.dayOfWeekRestricted && !cron.lastDayOfMonth) {
    const possible = cron.months.some((m) => cron.daysOfMonth.some((d) => d <= (MAX_DAYS[m - 1] ?? 0)));
    if (!possible) fail('never_matches', parts[2]!.at, FIELDS[2]!, `day-of-month ${parts[2]!.text} never occurs in month ${parts[3]!.text}`, `日期 ${parts[2]!.text} 在月份 ${parts[3]!.text} 中永远不会出现`);
  }
  return cron;
}

/** Parses a cron expression; never throws. */
export function parseCron(text: string): CronParseResult {
  try {
    const trimmed = text.trim();
    if (trimmed === '') fail('empty', 0, null, 'the cron expression is empty', 'cron 表达式为空');
    const lead = text.indexOf(trimmed);
    if (trimmed.startsWith('@')) {
      const body = MACROS[trimmed.toLowerCase()];
      if (body === undefined) fail('unknown_name', lead, null, `unknown macro "${trimmed}"`, `无法识别的宏“${trimmed}”`);
      return { ok: true, cron: build(text, body, 0) };
    }
    return { ok: true, cron: build(text, text, 0) };
  } catch (e) {
    if (e instanceof CronFailure) return { ok: false, error: e.error };
    throw e;
  }
}

/** Parses a cron expression or throws a RangeError carrying the English message (for config and tests). */
export function parseCronOrThrow(text: string): Cron {
  const r = parseCron(text);
  if (!r.ok) throw new RangeError(`${r.error.message} (at ${r.error.position})`);
  return r.cron;
}
