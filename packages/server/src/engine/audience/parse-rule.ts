/**
 * `parseAudienceRule`: checks a rule document (parsed YAML or JSON) and returns the rule tree, or every
 * issue found, each with the path to the mistake. Walking stops at the depth and size limits, so a
 * hostile document (deep nesting, YAML alias bombs, huge lists) costs bounded time.
 */
import { ALL_KEYS, FIELDS, LIMITS } from './fields.ts';
import { IssueList } from './issues.ts';
import { parseFieldCondition } from './parse-field.ts';
import { parseBought, parseConsent, parseDue, parseEveryone, parseRegion, parseTags } from './parse-special.ts';
import type { ParseContext } from './parse-values.ts';
import { isRecord } from './parse-values.ts';
import type { AudienceRule, IssuePath, ParseResult } from './types.ts';

/** Options of `parseAudienceRule`. */
export interface AudienceParseOptions {
  /** The shop's tier codes (from its tier config); when given, `tier` values must be one of them. */
  readonly tiers?: readonly string[];
}

/** Stops collecting after this many issues (the first ones are the useful ones). */
const MAX_ISSUES = 50;

/**
 * Validates a rule document.
 * @example parseAudienceRule({ all: [{ lifecycle: 'silent' }, { net_spend: { gte: 300 } }] })
 */
export function parseAudienceRule(doc: unknown, options: AudienceParseOptions = {}): ParseResult {
  const ctx: ParseContext = { issues: new IssueList(), tiers: options.tiers ?? null, conditions: 0, values: 0 };
  const rule = parseNode(doc, [], 0, ctx);
  if (rule === undefined || ctx.issues.items.length > 0) {
    return { ok: false, issues: ctx.issues.items.slice(0, MAX_ISSUES) };
  }
  return { ok: true, rule };
}

/** True once the walk should stop: too many issues or conditions already reported. */
const exhausted = (ctx: ParseContext): boolean => ctx.issues.items.length >= MAX_ISSUES || ctx.conditions > LIMITS.maxConditions;

function parseNode(doc: unknown, path: IssuePath, depth: number, ctx: ParseContext): AudienceRule | undefined {
  if (depth > LIMITS.maxDepth) {
    ctx.issues.add(path, 'too_deep', `rules nest more than ${LIMITS.maxDepth} levels deep`, `规则嵌套超过 ${LIMITS.maxDepth} 层`);
    return undefined;
  }
  if (!isRecord(doc)) {
    ctx.issues.expected(path, 'expected_object', 'a condition such as `lifecycle: silent` or a group (all / any / not)', '条件（如 `lifecycle: silent`）或分组（all / any / not）', doc);
    return undefined;
  }
  const keys = Object.keys(doc);
  if (keys.length === 0) {
    ctx.issues.add(path, 'empty_condition', 'empty condition: write a field (e.g. `lifecycle: silent`) or a group', '空条件：请写一个字段（如 `lifecycle: silent`）或分组');
    return undefined;
  }
  const rules: AudienceRule[] = [];
  for (const key of keys) {
    if (exhausted(ctx)) return undefined;
    const rule = parseKey(key, doc[key], [...path, key], depth, ctx);
    if (rule !== undefined) rules.push(rule);
  }
  if (rules.length !== keys.length) return undefined;
  return rules.length === 1 ? rules[0]! : { kind: 'all', rules };
}

function parseKey(key: string, value: unknown, path: IssuePath, depth: number, ctx: ParseContext): AudienceRule | undefined {
  if (key === 'all' || key === 'any') return parseGroup(key, value, path, depth, ctx);
  if (key === 'not') {
    const rule = parseNode(value, path, depth + 1, ctx);
    return rule === undefined ? undefined : { kind: 'not', rule };
  }
  ctx.conditions++;
  if (ctx.conditions === LIMITS.maxConditions + 1) {
    ctx.issues.add(path, 'too_many_conditions', `more than ${LIMITS.maxConditions} conditions in one rule`, `一条规则超过 ${LIMITS.maxConditions} 个条件`);
  }
  if (ctx.conditions > LIMITS.maxConditions) return undefined;
  switch (key) {
    case 'region':
      return parseRegion(value, path, ctx);
    case 'tags':
      return parseTags(value, path, ctx);
    case 'bought_sku':
      return parseBought(value, path, ctx);
    case 'due':
      return parseDue(value, path, ctx);
    case 'consent':
      return parseConsent(value, path, ctx);
    case 'everyone':
      return parseEveryone(value, path, ctx);
  }
  if (Object.hasOwn(FIELDS, key)) return parseFieldCondition(key, value, path, ctx);
  ctx.issues.unknownKey(path, 'unknown_field', key, ALL_KEYS, '');
  return undefined;
}

function parseGroup(key: 'all' | 'any', value: unknown, path: IssuePath, depth: number, ctx: ParseContext): AudienceRule | undefined {
  if (!Array.isArray(value)) {
    ctx.issues.expected(path, 'expected_list', `a list of conditions under \`${key}\``, `\`${key}\` 下的条件列表`, value);
    return undefined;
  }
  if (value.length === 0) {
    ctx.issues.add(path, 'empty_list', `\`${key}\` has no conditions (use \`everyone: true\` for the whole shop)`, `\`${key}\` 下没有条件（全店客户请用 \`everyone: true\`）`);
    return undefined;
  }
  if (value.length > LIMITS.maxConditions) {
    ctx.issues.add(path, 'too_many_conditions', `more than ${LIMITS.maxConditions} conditions in one rule`, `一条规则超过 ${LIMITS.maxConditions} 个条件`);
    return undefined;
  }
  const rules: AudienceRule[] = [];
  for (let i = 0; i < value.length; i++) {
    if (exhausted(ctx)) return undefined;
    const rule = parseNode(value[i], [...path, i], depth + 1, ctx);
    if (rule !== undefined) rules.push(rule);
  }
  return rules.length === value.length ? { kind: key, rules } : undefined;
}
