import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './issues.ts';
import { parseAudienceRule } from './index.ts';
import type { AudienceIssue } from './index.ts';

/** The issues of a document that must be rejected. */
function issues(doc: unknown, tiers?: readonly string[]): readonly AudienceIssue[] {
  const result = parseAudienceRule(doc, tiers === undefined ? {} : { tiers });
  if (result.ok) throw new Error('expected the document to be rejected');
  for (const issue of result.issues) {
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.messageZh.length).toBeGreaterThan(0);
  }
  return result.issues;
}

const first = (doc: unknown): AudienceIssue => issues(doc)[0]!;

describe('parseAudienceRule accepts', () => {
  it('the README example written in YAML', () => {
    const doc: unknown = parse(`
all:
  - segment: { in: [important_value, important_retain] }
  - lifecycle: silent
  - last_order_days: { between: [60, 120] }
  - net_spend: { gte: 300 }
  - p_alive: { lt: 0.5 }
  - bought_sku: { in: [SKU-WIPES-80], within_days: 365 }
  - due: { sku: SKU-WIPES-80, state: [due_soon, due] }
  - consent: sms
  - region: { province: [浙江省, 江苏省] }
  - tags: { has: vip }
  - birthday_in_days: { lte: 7 }
  - any:
      - tier: vip
      - not: { churn_risk: lost }
`);
    const result = parseAudienceRule(doc);
    expect(result.ok).toBe(true);
    if (result.ok && result.rule.kind === 'all') expect(result.rule.rules).toHaveLength(12);
  });

  it('every example in the README', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)];
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const [, lang, body] of blocks) {
      const doc: unknown = lang === 'json' ? JSON.parse(body!) : parse(body!);
      const rule = typeof doc === 'object' && doc !== null && 'audience' in doc ? doc.audience : doc;
      expect(parseAudienceRule(rule)).toMatchObject({ ok: true });
    }
  });

  it('unquoted numeric SKUs and YAML dates', () => {
    expect(parseAudienceRule({ bought_sku: 10023 }).ok).toBe(true);
    expect(parseAudienceRule({ last_order: { gte: new Date('2026-01-01T00:00:00Z') } }).ok).toBe(true);
  });
});

describe('parseAudienceRule points at each mistake', () => {
  it('wrong type, with the full path', () => {
    const issue = first({ all: [{ lifecycle: 'silent' }, { segment: 'important_value' }, { net_spend: { gte: '300元' } }] });
    expect(issue).toMatchObject({ path: ['all', 2, 'net_spend', 'gte'], code: 'expected_number' });
    expect(issue.message).toContain('expected a number');
    expect(issue.messageZh).toContain('应为数字');
  });

  it('unknown field, suggesting the closest', () => {
    const issue = first({ all: [{ lifecyle: 'silent' }] });
    expect(issue).toMatchObject({ path: ['all', 0, 'lifecyle'], code: 'unknown_field' });
    expect(issue.message).toContain('did you mean `lifecycle`?');
    expect(issue.messageZh).toContain('是否想写 `lifecycle`');
    expect(first({ segmnet: 'x' }).message).toContain('`segment`');
    expect(first({ netspend: { gte: 1 } }).message).toContain('`net_spend`');
    expect(first({ zzzzzzzz: 1 }).message).toContain('known fields:');
    expect(first({ region: { provice: '浙江省' } })).toMatchObject({ path: ['region', 'provice'], code: 'unknown_field' });
  });

  it('unknown operator, and an operator the field does not take', () => {
    const typo = first({ net_spend: { gtee: 300 } });
    expect(typo).toMatchObject({ path: ['net_spend', 'gtee'], code: 'unknown_operator' });
    expect(typo.message).toContain('did you mean `gte`?');
    const misplaced = first({ lifecycle: { lt: 'silent' } });
    expect(misplaced).toMatchObject({ path: ['lifecycle', 'lt'], code: 'unknown_operator' });
    expect(misplaced.message).toContain('eq, in, not_in, exists');
    expect(first({ tags: { contains: 'vip' } })).toMatchObject({ path: ['tags', 'contains'], code: 'unknown_operator' });
    expect(first({ bought_sku: { in: ['A'], within: 30 } }).message).toContain('`within_days`');
  });

  it('unknown enum value, listing the valid ones', () => {
    const issue = first({ lifecycle: 'slient' });
    expect(issue).toMatchObject({ path: ['lifecycle'], code: 'unknown_value' });
    expect(issue.message).toContain('did you mean `silent`?');
    expect(issue.message).toContain('active, silent, sleeping, about_to_lose, lost');
    expect(first({ segment: { in: ['important_value', 'vip'] } }).path).toEqual(['segment', 'in', 1]);
    expect(first({ due: { state: 'late' } }).message).toContain('not_due, due_soon, due, overdue');
    expect(first({ consent: 'wechat' }).message).toContain('sms, email');
    expect(first({ churn_risk: 'hi' }).code).toBe('unknown_value');
    expect(issues({ tier: 'gold' }, ['normal', 'vip'])[0]!.message).toContain('normal, vip');
  });

  it('empty lists and groups', () => {
    expect(first({ segment: { in: [] } })).toMatchObject({ path: ['segment', 'in'], code: 'empty_list' });
    expect(first({ all: [] })).toMatchObject({ path: ['all'], code: 'empty_list' });
    expect(first({ any: [] }).message).toContain('everyone: true');
    expect(first({})).toMatchObject({ path: [], code: 'empty_condition' });
    expect(first({ net_spend: {} }).code).toBe('empty_condition');
    expect(first({ bought_sku: { within_days: 30 } }).code).toBe('missing_key');
  });

  it('between: two values, ascending', () => {
    const issue = first({ last_order_days: { between: [120, 60] } });
    expect(issue).toMatchObject({ path: ['last_order_days', 'between'], code: 'between_not_ascending' });
    expect(issue.message).toContain('120 is above 60');
    expect(first({ last_order: { between: ['2026-02-01', '2026-01-01'] } }).message).toContain('2026-02-01 is above 2026-01-01');
    expect(first({ net_spend: { between: [1, 2, 3] } }).code).toBe('between_needs_two');
    expect(first({ net_spend: { between: 5 } }).code).toBe('between_needs_two');
  });

  it('numbers, days and dates', () => {
    expect(first({ p_alive: { lt: Number.NaN } }).code).toBe('expected_number');
    expect(first({ clv: { gt: Number.POSITIVE_INFINITY } }).code).toBe('out_of_range');
    expect(first({ clv: { gt: 1e300 } }).code).toBe('out_of_range');
    expect(first({ last_order_days: { gte: 1.5 } }).code).toBe('expected_integer');
    expect(first({ last_order_days: { gte: 10_000_000 } }).code).toBe('out_of_range');
    expect(first({ birthday_in_days: { lte: -1 } }).code).toBe('out_of_range');
    expect(first({ last_order: { gte: '2026-02-30' } })).toMatchObject({ code: 'expected_date' });
    expect(first({ last_order: { gte: '1066-10-14' } }).code).toBe('out_of_range');
    expect(first({ accepts_sms: 'yes' }).code).toBe('expected_boolean');
    expect(first({ segment: { exists: 'no' } }).code).toBe('expected_boolean');
    expect(first({ everyone: false }).code).toBe('expected_boolean');
  });

  it('text and tags', () => {
    expect(first({ bought_sku: '' }).code).toBe('empty_string');
    expect(first({ bought_sku: 'x'.repeat(201) }).code).toBe('string_too_long');
    expect(first({ tier: { eq: ['vip'] } }).code).toBe('expected_string');
    expect(first({ tags: 'vip,老客' })).toMatchObject({ path: ['tags'], code: 'invalid_tag' });
    expect(first({ tags: { has_any: ['ok', 'a,b'] } }).path).toEqual(['tags', 'has_any', 1]);
    expect(first({ bought_sku: ['ok', 'a\u0000b'] })).toMatchObject({ path: ['bought_sku', 1], code: 'invalid_text' });
    expect(first({ region: { city: 'line\nbreak' } }).code).toBe('invalid_text');
  });

  it('groups and nodes of the wrong shape', () => {
    expect(first('lifecycle: silent').code).toBe('expected_object');
    expect(first(null).code).toBe('expected_object');
    expect(first({ all: { lifecycle: 'silent' } })).toMatchObject({ path: ['all'], code: 'expected_list' });
    expect(first({ not: [{ lifecycle: 'silent' }] })).toMatchObject({ path: ['not'], code: 'expected_object' });
    expect(first({ region: '浙江省' }).code).toBe('expected_object');
  });

  it('nesting too deep', () => {
    let doc: unknown = { lifecycle: 'silent' };
    for (let i = 0; i < 40; i++) doc = i % 2 === 0 ? { not: doc } : { all: [doc] };
    const issue = first(doc);
    expect(issue.code).toBe('too_deep');
    // 33 groups from the top (17 `all`, 2 path elements each; 16 `not`) reach depth 33.
    expect(issue.path).toHaveLength(17 * 2 + 16);
    let ok: unknown = { lifecycle: 'silent' };
    for (let i = 0; i < 32; i++) ok = { not: ok };
    expect(parseAudienceRule(ok).ok).toBe(true);
  });

  it('deep hostile nesting costs no stack', () => {
    let doc: unknown = { lifecycle: 'silent' };
    for (let i = 0; i < 100_000; i++) doc = { not: doc };
    expect(first(doc).code).toBe('too_deep');
  });

  it('too many conditions and values', () => {
    const many = Array.from({ length: 201 }, () => ({ lifecycle: 'silent' }));
    expect(first({ all: many })).toMatchObject({ path: ['all'], code: 'too_many_conditions' });
    const spread = Array.from({ length: 30 }, () => ({ all: Array.from({ length: 10 }, () => ({ lifecycle: 'silent' })) }));
    expect(first({ any: spread }).code).toBe('too_many_conditions');
    expect(first({ bought_sku: Array.from({ length: 1001 }, (_, i) => `S${i}`) }).code).toBe('too_many_values');
    const wide = Array.from({ length: 6 }, () => ({ bought_sku: Array.from({ length: 1000 }, (_, i) => `S${i}`) }));
    expect(first({ all: wide }).code).toBe('too_many_values');
  });

  it('reports several issues at once, capped', () => {
    expect(issues({ all: [{ lifecyle: 'x' }, { net_spend: { gte: 'x' } }, { segment: 'x' }] }).map((i) => i.code)).toEqual([
      'unknown_field',
      'expected_number',
      'unknown_value',
    ]);
    expect(issues({ all: Array.from({ length: 200 }, () => ({ lifecycle: 'x' })) })).toHaveLength(50);
  });

  it('is not fooled by prototype keys', () => {
    expect(first(JSON.parse('{"__proto__": {"lifecycle": "silent"}}')).code).toBe('unknown_field');
    expect(first({ constructor: 'x' }).code).toBe('unknown_field');
    expect(first({ tags: JSON.parse('{"toString": "vip"}') }).code).toBe('unknown_operator');
  });
});

describe('suggestions', () => {
  it('uses an edit distance that counts transpositions once', () => {
    expect(editDistance('lifecyle', 'lifecycle')).toBe(1);
    expect(editDistance('gtee', 'gte')).toBe(1);
    expect(editDistance('segmnet', 'segment')).toBe(1);
    expect(closest('xyz', ['lifecycle'])).toBeNull();
  });
});
