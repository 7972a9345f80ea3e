/** Parses the leaves that are not plain fields: region, tags, bought_sku, due, consent, everyone. */
import { DUE_STATES } from '@huitou/core';
import type { DueStateCode } from '@huitou/core';
import { REGION_PARTS } from './fields.ts';
import { parseFieldCondition } from './parse-field.ts';
import type { ParseContext, Reader } from './parse-values.ts';
import { daysReader, enumReader, isRecord, readBoolean, readList, readText } from './parse-values.ts';
import { CONSENT_CHANNELS } from './types.ts';
import type { AudienceRule, IssuePath, LeafCondition } from './types.ts';

/** States `due:` matches when no `state` is given: every state that means "time to buy again". */
export const DEFAULT_DUE_STATES: readonly DueStateCode[] = ['due_soon', 'due', 'overdue'];

const DUE_CODES: readonly DueStateCode[] = DUE_STATES.map((s) => s.code);
const readDueState = enumReader(DUE_CODES, 'due state', '到期状态');
const readChannel = enumReader(CONSENT_CHANNELS, 'consent channel', '许可渠道');

/** Characters that separate tags in customers.tags, and spaces (ignored when matching). */
const TAG_SEPARATORS = /[,，、]/;
const TAG_SPACES = /[ \u3000]/g;

/** A tag as matched: spaces removed; separators and control characters are refused. */
export const readTag: Reader<string> = (value, path, ctx) => {
  const text = readText(value, path, ctx);
  if (text === undefined) return undefined;
  const tag = text.replace(TAG_SPACES, '').toLowerCase();
  if (tag === '' || TAG_SEPARATORS.test(tag)) {
    ctx.issues.add(path, 'invalid_tag', 'a tag cannot be blank or contain commas or 、', '标签不能为空，也不能包含逗号或顿号');
    return undefined;
  }
  return tag;
};

/** Checks that `obj` only has `known` keys; records unknown ones. */
function onlyKeys(obj: Record<string, unknown>, known: readonly string[], path: IssuePath, ctx: ParseContext, where: string): boolean {
  let ok = true;
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) {
      ctx.issues.unknownKey([...path, key], known === REGION_PARTS ? 'unknown_field' : 'unknown_operator', key, known, where);
      ok = false;
    }
  }
  return ok;
}

function missing(path: IssuePath, ctx: ParseContext, what: string, needs: string): undefined {
  ctx.issues.add(path, 'missing_key', `\`${what}\` needs ${needs}`, `\`${what}\` 需要 ${needs}`);
  return undefined;
}

/** `region: { province: [浙江省, 江苏省], city: 杭州市 }`: every part given must match. */
export function parseRegion(value: unknown, path: IssuePath, ctx: ParseContext): AudienceRule | undefined {
  if (!isRecord(value)) {
    ctx.issues.expected(path, 'expected_object', 'a mapping of province / city / district', '省份/城市/区县的映射', value);
    return undefined;
  }
  if (!onlyKeys(value, REGION_PARTS, path, ctx, ' in `region`')) return undefined;
  const parts = Object.keys(value);
  if (parts.length === 0) return missing(path, ctx, 'region', 'province, city or district');
  const rules: AudienceRule[] = [];
  for (const part of parts) {
    const rule = parseFieldCondition(part, value[part], [...path, part], ctx);
    if (rule === undefined) return undefined;
    rules.push(rule);
  }
  return rules.length === 1 ? rules[0]! : { kind: 'all', rules };
}

/** `tags: vip`, `tags: [vip, 老客]` (all of), `tags: { has_any: [...] }`, `{ has_none: [...] }`, `{ exists: true }`. */
export function parseTags(value: unknown, path: IssuePath, ctx: ParseContext): AudienceRule | undefined {
  if (!isRecord(value)) {
    const tags = readList(value, path, ctx, readTag, true);
    return tags === undefined ? undefined : { kind: 'tags', op: 'has', tags };
  }
  const ops = ['has', 'has_any', 'has_none', 'exists'] as const;
  if (!onlyKeys(value, ops, path, ctx, ' for `tags`')) return undefined;
  const rules: LeafCondition[] = [];
  for (const op of ops) {
    if (!(Object.hasOwn(value, op))) continue;
    if (op === 'exists') {
      const present = readBoolean(value[op], [...path, op], ctx);
      if (present === undefined) return undefined;
      rules.push({ kind: 'tags', op, present });
    } else {
      const tags = readList(value[op], [...path, op], ctx, readTag, true);
      if (tags === undefined) return undefined;
      rules.push({ kind: 'tags', op, tags });
    }
  }
  if (rules.length === 0) return missing(path, ctx, 'tags', 'has, has_any, has_none or exists');
  return rules.length === 1 ? rules[0]! : { kind: 'all', rules };
}

/** `bought_sku: SKU-1`, `[SKU-1, SKU-2]` (any of), or `{ in: [...] | eq: SKU-1, within_days: 365 }`. */
export function parseBought(value: unknown, path: IssuePath, ctx: ParseContext): LeafCondition | undefined {
  if (!isRecord(value)) {
    const skus = readList(value, path, ctx, readText, true);
    return skus === undefined ? undefined : { kind: 'bought', skus, withinDays: null };
  }
  if (!onlyKeys(value, ['eq', 'in', 'within_days'], path, ctx, ' for `bought_sku`')) return undefined;
  if (Object.hasOwn(value, 'eq') && Object.hasOwn(value, 'in')) return missing(path, ctx, 'bought_sku', 'either eq or in, not both');
  const key = Object.hasOwn(value, 'eq') ? 'eq' : Object.hasOwn(value, 'in') ? 'in' : null;
  if (key === null) return missing(path, ctx, 'bought_sku', 'eq or in (the SKUs)');
  const skus = key === 'eq' ? ((s) => (s === undefined ? undefined : [s]))(readText(value[key], [...path, key], ctx)) : readList(value[key], [...path, key], ctx, readText);
  let withinDays: number | null = null;
  if (Object.hasOwn(value, 'within_days')) {
    const days = daysReader(0)(value['within_days'], [...path, 'within_days'], ctx);
    if (days === undefined) return undefined;
    withinDays = days;
  }
  return skus === undefined ? undefined : { kind: 'bought', skus, withinDays };
}

/** `due: { sku: SKU-1, state: [due_soon, due] }`; both optional (any SKU; due_soon, due or overdue). */
export function parseDue(value: unknown, path: IssuePath, ctx: ParseContext): LeafCondition | undefined {
  if (!isRecord(value)) {
    const states = readList(value, path, ctx, readDueState, true);
    return states === undefined ? undefined : { kind: 'due', skus: null, states };
  }
  if (!onlyKeys(value, ['sku', 'state'], path, ctx, ' for `due`')) return undefined;
  const skus = Object.hasOwn(value, 'sku') ? readList(value['sku'], [...path, 'sku'], ctx, readText, true) : null;
  const states = Object.hasOwn(value, 'state') ? readList(value['state'], [...path, 'state'], ctx, readDueState, true) : DEFAULT_DUE_STATES;
  if (skus === undefined || states === undefined) return undefined;
  return { kind: 'due', skus, states };
}

/** `consent: sms`, or `[sms, email]` (either). */
export function parseConsent(value: unknown, path: IssuePath, ctx: ParseContext): LeafCondition | undefined {
  const channels = readList(value, path, ctx, readChannel, true);
  return channels === undefined ? undefined : { kind: 'consent', channels };
}

/** `everyone: true`: the whole shop. */
export function parseEveryone(value: unknown, path: IssuePath, ctx: ParseContext): LeafCondition | undefined {
  if (value !== true) {
    ctx.issues.expected(path, 'expected_boolean', '`true` (everyone: true matches the whole shop)', '`true`（everyone: true 表示全店客户）', value);
    return undefined;
  }
  return { kind: 'everyone' };
}
