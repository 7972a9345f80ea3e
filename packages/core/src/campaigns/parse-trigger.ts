/**
 * A trigger from an untrusted document (a campaign file, an API body): the kind must be known, every field
 * present with the right type and no unknown field; then the values are checked by validateTrigger. Nothing
 * here throws on hostile input — problems come back as issues with the field's path.
 */
import { validateTrigger } from './trigger-spec.ts';
import type { TriggerIssue, TriggerSpec } from './trigger-spec.ts';

type FieldType = 'number' | 'string' | 'numbers' | 'walltime';

/** Fields per kind: name → type, `?` marks optional. */
const FIELDS: Readonly<Record<TriggerSpec['kind'], Readonly<Record<string, FieldType>>>> = {
  once: { at: 'walltime' },
  recurring: { cron: 'string' },
  birthday: { daysBefore: 'number' },
  anniversary: { daysBefore: 'number', 'minYears?': 'number' },
  member_day: { daysOfMonth: 'numbers', daysBefore: 'number' },
  retail_date: { code: 'string', daysBefore: 'number' },
  shop_date: { code: 'string', daysBefore: 'number' },
  after_order: { days: 'number' },
  sku_due: { leadDays: 'number' },
  stage_entered: { stage: 'string' },
  palive_below: { threshold: 'number' },
  tier_upgrade: { 'minTierCode?': 'string' },
};

export const TRIGGER_KINDS = Object.keys(FIELDS) as TriggerSpec['kind'][];

const WALL_TIME_KEYS = ['year', 'month', 'day', 'hour', 'minute'];

export function parseTrigger(doc: unknown): { ok: true; spec: TriggerSpec } | { ok: false; issues: TriggerIssue[] } {
  if (!isRecord(doc) || typeof doc['kind'] !== 'string') {
    return { ok: false, issues: [{ path: '', message: `a trigger is an object with a kind: ${TRIGGER_KINDS.join(', ')}`, messageZh: `触发条件必须是带 kind 的对象：${TRIGGER_KINDS.join('、')}` }] };
  }
  const kind = doc['kind'];
  const fields = Object.hasOwn(FIELDS, kind) ? FIELDS[kind as TriggerSpec['kind']] : undefined;
  if (fields === undefined) {
    return { ok: false, issues: [{ path: 'kind', message: `unknown trigger kind "${kind.slice(0, 40)}"; expected ${TRIGGER_KINDS.join(', ')}`, messageZh: `未知的触发类型“${kind.slice(0, 40)}”，可选：${TRIGGER_KINDS.join('、')}` }] };
  }
  const issues: TriggerIssue[] = [];
  const known = new Set(['kind', ...Object.keys(fields).map((f) => f.replace('?', ''))]);
  for (const key of Object.keys(doc)) {
    if (!known.has(key)) issues.push({ path: key, message: `unknown field "${key.slice(0, 40)}" for a ${kind} trigger`, messageZh: `${kind} 触发条件没有字段“${key.slice(0, 40)}”` });
  }
  for (const [spec, type] of Object.entries(fields)) {
    const optional = spec.endsWith('?');
    const name = spec.replace('?', '');
    const value = doc[name];
    if (value === undefined) {
      if (!optional) issues.push({ path: name, message: `${name} is required`, messageZh: `缺少 ${name}` });
      continue;
    }
    if (!hasType(value, type)) issues.push({ path: name, message: `${name} must be ${describe(type)}`, messageZh: `${name} 必须是${describeZh(type)}` });
  }
  if (issues.length > 0) return { ok: false, issues };
  const spec = (kind === 'once' && typeof doc['at'] === 'string' ? { ...doc, at: wallTimeFromText(doc['at']) } : doc) as unknown as TriggerSpec;
  const problems = validateTrigger(spec);
  return problems.length === 0 ? { ok: true, spec } : { ok: false, issues: problems };
}

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string' && value.length <= 200;
    case 'numbers':
      return Array.isArray(value) && value.length <= 31 && value.every((v) => typeof v === 'number');
    case 'walltime':
      if (typeof value === 'string') return wallTimeFromText(value) !== null;
      return isRecord(value) && Object.keys(value).every((k) => WALL_TIME_KEYS.includes(k)) && WALL_TIME_KEYS.every((k) => typeof value[k] === 'number');
  }
}

/** "2026-11-23 10:00" (or with a T) → a wall time; null when the text is not in that form. */
function wallTimeFromText(text: string): { year: number; month: number; day: number; hour: number; minute: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text.trim());
  if (m === null) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return { year, month, day, hour, minute };
}

function describe(type: FieldType): string {
  return { number: 'a number', string: 'text (up to 200 characters)', numbers: 'a list of up to 31 numbers', walltime: 'a local time "YYYY-MM-DD HH:MM" or { year, month, day, hour, minute }' }[type];
}

function describeZh(type: FieldType): string {
  return { number: '数字', string: '文字（最多 200 个字符）', numbers: '最多 31 个数字的列表', walltime: '本地时间 "YYYY-MM-DD HH:MM" 或 { year, month, day, hour, minute }' }[type];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
