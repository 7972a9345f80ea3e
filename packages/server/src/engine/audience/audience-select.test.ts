import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/database.ts';
import { FIXTURE_AS_OF, openAudienceFixture } from './audience-fixture.ts';
import { compileAudience, countAudience, listAudience, parseAudienceRule, selectAudienceSql } from './index.ts';
import type { AudienceRule } from './index.ts';

let db: Db;
beforeAll(async () => {
  db = await openAudienceFixture();
});
afterAll(() => db.close());

function rule(doc: unknown): AudienceRule {
  const parsed = parseAudienceRule(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.rule;
}

/** Ids of shop 1 selected by a document, as of the fixture date unless told. */
const ids = (doc: unknown, asOf: string = FIXTURE_AS_OF): Promise<number[]> => listAudience(db, 1, rule(doc), asOf);

describe('each field and operator selects exactly the expected customers', () => {
  it.each([
    ['segment eq', { segment: 'important_value' }, [1]],
    ['segment in', { segment: { in: ['important_value', 'important_retain'] } }, [1, 2]],
    ['segment list shorthand', { segment: ['general_value', 'general_win_back'] }, [3, 6]],
    ['segment not_in (needs a segment)', { segment: { not_in: ['important_value'] } }, [2, 3, 5, 6]],
    ['not segment in (includes unsegmented)', { not: { segment: { in: ['important_value'] } } }, [2, 3, 4, 5, 6]],
    ['segment exists false', { segment: { exists: false } }, [4]],
    ['lifecycle', { lifecycle: 'silent' }, [2, 5]],
    ['customer_type in', { customer_type: { in: ['loyal', 'repeat'] } }, [1, 2, 6]],
    ['tier', { tier: 'vip' }, [1]],
    ['tier not_in', { tier: { not_in: ['none', 'normal'] } }, [1, 2]],
    ['churn_risk exists false', { churn_risk: { exists: false } }, [4, 5]],
    ['churn_risk in', { churn_risk: { in: ['high', 'lost'] } }, [2, 3]],
    ['r_score gte', { r_score: { gte: 4 } }, [1, 5]],
    ['f_score eq', { f_score: 1 }, [3, 5]],
    ['m_score lt', { m_score: { lt: 3 } }, [3, 6]],
    ['net_spend gte (inclusive)', { net_spend: { gte: 300 } }, [1, 2, 5]],
    ['net_spend gt', { net_spend: { gt: 300 } }, [1, 2]],
    ['net_spend lt', { net_spend: { lt: 300 } }, [3, 6]],
    ['net_spend lte', { net_spend: { lte: 59.9 } }, [3]],
    ['net_spend between', { net_spend: { between: [100, 900] } }, [2, 5, 6]],
    ['net_spend two operators', { net_spend: { gte: 100, lt: 800 } }, [5, 6]],
    ['valid_orders in', { valid_orders: { in: [1, 2] } }, [3, 5, 6]],
    ['p_alive lt', { p_alive: { lt: 0.5 } }, [2, 3]],
    ['p_alive exists false', { p_alive: { exists: false } }, [4, 5]],
    ['clv gte', { clv: { gte: 600 } }, [1, 2]],
    ['last_order_days between', { last_order_days: { between: [60, 120] } }, [2, 5]],
    ['last_order_days gte', { last_order_days: { gte: 180 } }, [3, 6]],
    ['last_order_days gt', { last_order_days: { gt: 180 } }, [3]],
    ['last_order_days lt', { last_order_days: { lt: 60 } }, [1]],
    ['last_order_days lte', { last_order_days: { lte: 60 } }, [1, 5]],
    ['last_order_days eq', { last_order_days: 17 }, [1]],
    ['last_order_days in', { last_order_days: { in: [17, 100] } }, [1, 2]],
    ['last_order_days not_in', { last_order_days: { not_in: [17, 100] } }, [3, 5, 6]],
    ['first_order_days gte', { first_order_days: { gte: 365 } }, [1, 2, 3, 6]],
    ['next_order_days lte (overdue too)', { next_order_days: { lte: 7 } }, [1, 2]],
    ['next_order_days between', { next_order_days: { between: [0, 7] } }, [1]],
    ['last_order date gte', { last_order: { gte: '2026-04-19' } }, [1, 5]],
    ['first_order date between', { first_order: { between: ['2025-01-01', '2025-12-31'] } }, [2, 3, 6]],
    ['birthday exists', { birthday: { exists: true } }, [1, 2, 3, 6]],
    ['birthday_in_days lte', { birthday_in_days: { lte: 7 } }, [1]],
    ['birthday_in_days eq', { birthday_in_days: 2 }, [1]],
    ['birthday_in_days gt', { birthday_in_days: { gt: 2 } }, [2, 3, 6]],
    ['birthday_in_days exists false', { birthday_in_days: { exists: false } }, [4, 5]],
    ['region province', { region: { province: ['浙江省', '江苏省'] } }, [1, 2, 4]],
    ['region province and city (trimmed)', { region: { province: '浙江省', city: ' 杭州市 ' } }, [1]],
    ['region district exists', { region: { district: { exists: true } } }, [1]],
    ['province field not_in', { province: { not_in: ['浙江省'] } }, [2, 3, 6]],
    ['tags has (case and spaces ignored)', { tags: { has: 'vip' } }, [1, 4, 5]],
    ['tags has all of', { tags: ['老客', '回购'] }, [2]],
    ['tags has_any', { tags: { has_any: ['回购', 'Big Spender'] } }, [2, 5]],
    ['tags has_none', { tags: { has_none: ['vip'] } }, [2, 3, 6]],
    ['tags exists false', { tags: { exists: false } }, [3]],
    ['tags hostile text is data', { tags: { has: "'; DROP TABLE customers; --" } }, [6]],
    ['tags split on 、', { tags: '新客' }, [6]],
    ['bought_sku', { bought_sku: 'SKU-WIPES-80' }, [1, 2]],
    ['bought_sku within_days', { bought_sku: { in: ['SKU-WIPES-80'], within_days: 30 } }, [1]],
    ['bought_sku eq', { bought_sku: { eq: 'SKU-CREAM' } }, [1, 3]],
    ['bought_sku: refunded and later orders do not count', { bought_sku: 'SKU-TOWEL' }, []],
    ['bought_sku: shop-local day (on the as-of day, not after)', { bought_sku: { eq: 'SKU-GIFT', within_days: 0 } }, [5]],
    ['bought_sku title product key', { bought_sku: 'title:湿巾' }, [5]],
    ['due sku and states', { due: { sku: 'SKU-WIPES-80', state: ['due_soon', 'due'] } }, [1]],
    ['due sku, default states', { due: { sku: 'SKU-WIPES-80' } }, [1, 2]],
    ['due state only', { due: 'due' }, [3]],
    ['due any', { due: {} }, [1, 2, 3]],
    ['consent sms (latest event, suppressions, ties)', { consent: 'sms' }, [1]],
    ['consent email (suppression is case-insensitive)', { consent: 'email' }, [1, 2]],
    ['consent either', { consent: ['sms', 'email'] }, [1, 2]],
    ['not consent sms', { not: { consent: 'sms' } }, [2, 3, 4, 5, 6]],
    ['accepts_sms', { accepts_sms: true }, [1]],
    ['accepts_sms exists false', { accepts_sms: { exists: false } }, [3, 4, 5, 6]],
    ['everyone (shop 1 only)', { everyone: true }, [1, 2, 3, 4, 5, 6]],
    ['any', { any: [{ lifecycle: 'lost' }, { tier: 'vip' }] }, [1, 3]],
    ['several keys in one object mean all', { lifecycle: 'silent', net_spend: { gte: 500 } }, [2]],
    ['not not', { not: { not: { lifecycle: 'silent' } } }, [2, 5]],
  ] as const)('%s', async (_name, doc, expected) => {
    expect(await ids(doc)).toEqual(expected);
  });

  it('birthday windows wrap the year and put 29 February on 1 March in common years', async () => {
    expect(await ids({ birthday_in_days: { lte: 7 } }, '2026-12-28')).toEqual([2, 6]);
    expect(await ids({ birthday_in_days: { between: [3, 6] } }, '2026-12-28')).toEqual([6]);
    expect(await ids({ birthday_in_days: { lte: 2 } }, '2027-02-27')).toEqual([3]);
    expect(await ids({ birthday_in_days: { lte: 1 } }, '2027-02-27')).toEqual([]);
    expect(await ids({ birthday_in_days: 0 }, '2028-02-29')).toEqual([3]);
    expect(await ids({ birthday_in_days: { lte: 400 } }, '2027-02-27')).toEqual([1, 2, 3, 6]);
  });

  it('runs the example from the README (YAML) and counts', async () => {
    const doc: unknown = parse(`
all:
  - segment: { in: [important_value, important_retain] }
  - lifecycle: { in: [active, silent] }
  - last_order_days: { between: [0, 120] }
  - net_spend: { gte: 300 }
  - bought_sku: { in: [SKU-WIPES-80], within_days: 365 }
  - due: { sku: SKU-WIPES-80, state: [due_soon, due, overdue] }
  - consent: [sms, email]
  - region: { province: [浙江省, 江苏省] }
  - not: { tags: { has: 黑名单 } }
`);
    expect(await ids(doc)).toEqual([1, 2]);
    expect(await countAudience(db, 1, rule(doc), FIXTURE_AS_OF)).toBe(2);
    expect(await countAudience(db, 2, rule(doc), FIXTURE_AS_OF)).toBe(0);
    expect(await listAudience(db, 2, rule({ consent: 'sms' }), FIXTURE_AS_OF)).toEqual([]);
    expect(await listAudience(db, 2, rule({ everyone: true }), FIXTURE_AS_OF)).toEqual([100]);
  });

  it('pages with limit and afterCustomerId', async () => {
    const everyone = rule({ everyone: true });
    expect(await listAudience(db, 1, everyone, FIXTURE_AS_OF, { limit: 2 })).toEqual([1, 2]);
    expect(await listAudience(db, 1, everyone, FIXTURE_AS_OF, { limit: 2, afterCustomerId: 2 })).toEqual([3, 4]);
  });

  it('numbers placeholders from startParam so the predicate embeds after other parameters', async () => {
    const { where, params } = compileAudience(rule({ lifecycle: 'silent' }), { shopId: 1, asOf: FIXTURE_AS_OF, startParam: 3 });
    expect(where).toContain('$3');
    expect(where).not.toContain('$1');
    const rows = await db.all(`SELECT c.customer_id FROM customers c LEFT JOIN customer_analysis a ON a.shop_id = c.shop_id AND a.customer_id = c.customer_id
      WHERE CAST($1 AS INTEGER) = 1 AND CAST($2 AS VARCHAR) = 'x' AND ${where} ORDER BY 1`, [1, 'x', ...params]);
    expect(rows.map((r) => r['customer_id'])).toEqual([2, 5]);
  });

  it('selectAudienceSql binds every value', () => {
    const { sql, params } = selectAudienceSql(rule({ all: [{ bought_sku: "x'); DROP TABLE orders; --" }, { tier: '$1' }] }), { shopId: 7, asOf: 20_000 });
    expect(sql.startsWith('SELECT c.customer_id FROM customers c LEFT JOIN customer_analysis a')).toBe(true);
    expect(sql).not.toContain('DROP');
    expect(params).toContain("x'); DROP TABLE orders; --");
    expect(params).toContain('$1');
    expect(params[0]).toBe(7);
  });

  it('rejects a bad as-of date, time zone or start parameter', () => {
    const r = rule({ everyone: true });
    expect(() => compileAudience(r, { shopId: 1, asOf: '2026-02-30' })).toThrow(RangeError);
    expect(() => compileAudience(r, { shopId: 1, asOf: FIXTURE_AS_OF, timeZone: "UTC'; --" })).toThrow(RangeError);
    expect(() => compileAudience(r, { shopId: 1, asOf: FIXTURE_AS_OF, startParam: 0 })).toThrow(RangeError);
  });
});
