import { describe, expect, it } from 'vitest';
import { NO_DAY } from '../analytics/columns.ts';
import { formatDay, parseDay } from '../analytics/calendar.ts';
import { NO_STAGE } from '../analytics/lifecycle.ts';
import { anniversaryMatches, birthdayMatches, calendarOccurrences, isMemberDay, memberDayMatches, retailDateOccurrence, shopDateOccurrences, type CustomerDateColumns } from './date-triggers.ts';
import { afterOrderMatches, pAliveBelowMatches, skuDueMatches, stageEnteredMatches, tierUpgradeMatches, type DueRows } from './event-triggers.ts';
import { cronKey } from './occurrence-keys.ts';
import { validateTrigger } from './trigger-spec.ts';

const D = parseDay;
// Customers: 0 born 05-03, member since 2024-05-03; 1 born 02-29, member since 2024-02-29;
// 2 unknown birthday, not a member; 3 born 02-28, member since 2026-01-10.
const cols: CustomerDateColumns = {
  customerCount: 4,
  birthMonth: Uint8Array.from([5, 2, 0, 2]),
  birthDay: Uint8Array.from([3, 29, 0, 28]),
  memberSinceDay: Int32Array.from([D('2024-05-03'), D('2024-02-29'), NO_DAY, D('2026-01-10')]),
};
const rows = (m: { customer: Int32Array; key: readonly string[] }) => [...m.customer].map((c, i) => `${c} ${m.key[i]}`);

describe('date triggers', () => {
  it('matches birthdays N days ahead with a stable key', () => {
    expect(rows(birthdayMatches(cols, D('2026-05-03')))).toEqual(['0 birthday:2026-05-03']);
    expect(rows(birthdayMatches(cols, D('2026-04-26'), 7))).toEqual(['0 birthday:2026-05-03']);
    expect(birthdayMatches(cols, D('2026-05-04')).customer).toHaveLength(0);
  });
  it('celebrates Feb 29 birthdays on Feb 28 in non-leap years only', () => {
    expect(rows(birthdayMatches(cols, D('2026-02-28')))).toEqual(['1 birthday:2026-02-28', '3 birthday:2026-02-28']);
    expect(rows(birthdayMatches(cols, D('2028-02-28')))).toEqual(['3 birthday:2028-02-28']);
    expect(rows(birthdayMatches(cols, D('2028-02-29')))).toEqual(['1 birthday:2028-02-29']);
  });
  it('matches membership anniversaries of at least minYears', () => {
    expect(rows(anniversaryMatches(cols, D('2025-05-03')))).toEqual(['0 anniversary:2025-05-03']);
    expect(anniversaryMatches(cols, D('2024-05-03')).customer).toHaveLength(0); // the join day itself
    expect(anniversaryMatches(cols, D('2025-05-03'), 0, 2).customer).toHaveLength(0);
    expect(rows(anniversaryMatches(cols, D('2025-02-28')))).toEqual(['1 anniversary:2025-02-28']);
    expect(rows(anniversaryMatches(cols, D('2025-02-25'), 3))).toEqual(['1 anniversary:2025-02-28']);
  });
  it('finds member days, clamping to short months', () => {
    expect(isMemberDay(D('2026-01-30'), [30])).toBe(true);
    expect(isMemberDay(D('2026-02-28'), [30])).toBe(true);
    expect(isMemberDay(D('2028-02-29'), [30])).toBe(true);
    expect(isMemberDay(D('2028-02-28'), [30])).toBe(false);
    expect(isMemberDay(D('2026-04-30'), [31])).toBe(true);
    expect(isMemberDay(D('2026-03-30'), [31])).toBe(false);
    expect(isMemberDay(D('2026-03-18'), [8, 18, 28])).toBe(true);
  });
  it('sends member-day reminders to members (or everyone)', () => {
    // 2026-02-27 + 1 day = 02-28, the February member day for 30. Customer 3 joined 2026-01-10.
    expect(rows(memberDayMatches(cols, D('2026-02-27'), { daysOfMonth: [30], daysBefore: 1 }))).toEqual(['0 member_day:2026-02-28', '1 member_day:2026-02-28', '3 member_day:2026-02-28']);
    expect(memberDayMatches(cols, D('2026-01-05'), { daysOfMonth: [5] }).customer).toEqual(Int32Array.from([0, 1]));
    expect(memberDayMatches(cols, D('2026-01-05'), { daysOfMonth: [5], membersOnly: false }).customer).toHaveLength(4);
    expect(memberDayMatches(cols, D('2026-01-06'), { daysOfMonth: [5] }).customer).toHaveLength(0);
  });
  it('finds retail dates minus N days', () => {
    expect(retailDateOccurrence(D('2026-11-01'), 'double11', 10)).toEqual({ code: 'double11', key: 'retail:double11:2026', occurrenceDay: D('2026-11-11') });
    expect(retailDateOccurrence(D('2026-11-02'), 'double11', 10)).toBeNull();
    // 春节 2027-02-06, a week ahead; the key names the festival's year.
    expect(retailDateOccurrence(D('2027-01-30'), 'spring_festival', 7)?.key).toBe('retail:spring_festival:2027');
    // Across the year end: 2026-12-28 + 5 days is 2027-01-02, no retail date.
    expect(retailDateOccurrence(D('2026-12-28'), 'double12', 5)).toBeNull();
  });
  it('finds shop dates and the combined calendar', () => {
    const own = [{ code: 'anniv', zh: '店庆', en: 'Shop anniversary', month: 9, dayOfMonth: 9 }];
    expect(shopDateOccurrences(D('2026-09-02'), own, 7)).toEqual([{ code: 'anniv', key: 'shop:anniv:2026-09-09', occurrenceDay: D('2026-09-09') }]);
    expect(calendarOccurrences(D('2026-06-18')).map((o) => o.key)).toEqual(['retail:618:2026']);
    expect(calendarOccurrences(D('2026-09-09'), 0, own).map((o) => o.key)).toEqual(['shop:anniv:2026-09-09']);
  });
  it('keys cron runs by UTC minute', () => {
    expect(cronKey(Date.parse('2026-03-08T07:00:30Z'))).toBe('cron:2026-03-08T07:00Z');
  });
});

describe('event triggers', () => {
  it('fires once per valid order N days later', () => {
    const orders = {
      customer: Int32Array.from([0, 0, 1, 2]),
      day: Int32Array.from([D('2026-04-01'), D('2026-04-03'), D('2026-04-03'), D('2026-04-03')]),
      valid: Uint8Array.from([1, 1, 1, 0]),
      ref: ['A1', 'A2', 'B1', 'C1'],
    };
    const m = afterOrderMatches(orders, D('2026-04-10'), 7);
    expect(rows(m)).toEqual(['0 after_order:A2', '1 after_order:B1']);
    expect(formatDay(m.occurrenceDay[0]!)).toBe('2026-04-03');
    expect(afterOrderMatches(orders, D('2026-04-11'), 7).customer).toHaveLength(0);
  });
  const dueNow: DueRows = {
    customer: Int32Array.from([0, 0, 1]),
    sku: Int32Array.from([0, 1, 0]),
    lastDay: Int32Array.from([D('2026-03-01'), D('2026-03-10'), D('2026-03-05')]),
    dueDay: Int32Array.from([D('2026-04-01'), D('2026-04-10'), D('2026-04-05')]),
    state: Uint8Array.from([2, 1, 2]),
  };
  it('fires SKU due on the due day (with lead days)', () => {
    const m = skuDueMatches(dueNow, ['TEA-250', 'CUP'], { mode: 'due_day', day: D('2026-04-03'), leadDays: 2 });
    expect(rows(m)).toEqual(['1 sku_due:TEA-250:2026-03-05']);
    expect([...m.sku]).toEqual([0]);
  });
  it('fires SKU due on a state transition between runs', () => {
    const previous: DueRows = { ...dueNow, customer: Int32Array.from([0, 1]), sku: Int32Array.from([0, 0]), lastDay: Int32Array.from([0, 0]), dueDay: Int32Array.from([0, 0]), state: Uint8Array.from([2, 1]) };
    const m = skuDueMatches(dueNow, ['TEA-250', 'CUP'], { mode: 'transition', previous, states: [2] });
    expect(rows(m)).toEqual(['1 sku_due:TEA-250:2026-03-05']); // customer 0 was already due
    const soon = skuDueMatches(dueNow, ['TEA-250', 'CUP'], { mode: 'transition', previous, states: [1] });
    expect(rows(soon)).toEqual(['0 sku_due:CUP:2026-03-10']); // absent before
  });
  it('fires on entering a lifecycle stage, keyed by the last order day', () => {
    const last = Int32Array.from([D('2025-10-01'), D('2025-10-01'), NO_DAY, D('2026-01-01')]);
    const prev = Uint8Array.from([1, 2, NO_STAGE]);
    const cur = Uint8Array.from([2, 2, NO_STAGE, 2]);
    expect(rows(stageEnteredMatches(prev, cur, last, 2))).toEqual(['0 stage:sleeping:2025-10-01', '3 stage:sleeping:2026-01-01']);
    expect(() => stageEnteredMatches(prev, cur, last, 9)).toThrow(RangeError);
  });
  it('fires when P(alive) crosses below a threshold', () => {
    const last = Int32Array.from([D('2025-06-01'), D('2025-06-02'), D('2025-06-03'), D('2025-06-04')]);
    const prev = Float64Array.from([0.5, 0.2, 0.3]);
    const cur = Float64Array.from([0.25, 0.1, 0.31, 0.1]);
    expect(rows(pAliveBelowMatches(prev, cur, last, 0.3))).toEqual(['0 palive_below:0.3:2025-06-01']);
    expect(rows(pAliveBelowMatches(prev, cur, last, 0.3, { includeUnseen: true }))).toEqual(['0 palive_below:0.3:2025-06-01', '3 palive_below:0.3:2025-06-04']);
    expect(() => pAliveBelowMatches(prev, cur, last, 1.5)).toThrow(RangeError);
  });
  it('fires on tier upgrades dated today', () => {
    const events = {
      eventCustomer: Int32Array.from([0, 1, 2, 3]),
      eventDay: Int32Array.from([D('2026-04-01'), D('2026-04-01'), D('2026-04-01'), D('2026-03-31')]),
      eventFrom: Int8Array.from([-1, 2, 0, 0]),
      eventTo: Int8Array.from([1, 1, 2, 1]),
    };
    expect(rows(tierUpgradeMatches(events, D('2026-04-01'), ['silver', 'gold', 'diamond']))).toEqual(['0 tier_up:gold:2026-04-01', '2 tier_up:diamond:2026-04-01']);
    expect(rows(tierUpgradeMatches(events, D('2026-04-01'), ['silver', 'gold', 'diamond'], 2))).toEqual(['2 tier_up:diamond:2026-04-01']);
  });
});

describe('validateTrigger', () => {
  it('accepts good specs and explains bad ones', () => {
    expect(validateTrigger({ kind: 'recurring', cron: '0 10 * * MON' })).toEqual([]);
    expect(validateTrigger({ kind: 'recurring', cron: '0 25 * * *' })[0]?.path).toBe('cron');
    expect(validateTrigger({ kind: 'once', at: { year: 2026, month: 2, day: 29, hour: 10, minute: 0 } })[0]?.path).toBe('at');
    expect(validateTrigger({ kind: 'once', at: { year: 2028, month: 2, day: 29, hour: 10, minute: 0 } })).toEqual([]);
    expect(validateTrigger({ kind: 'member_day', daysOfMonth: [30, 32], daysBefore: 1 })[0]?.path).toBe('daysOfMonth');
    expect(validateTrigger({ kind: 'retail_date', code: 'double11', daysBefore: 10 })).toEqual([]);
    expect(validateTrigger({ kind: 'shop_date', code: 'Shop Day', daysBefore: 0 })[0]?.path).toBe('code');
    expect(validateTrigger({ kind: 'after_order', days: 0 })[0]?.messageZh).toBe('至少在下单 1 天后');
    expect(validateTrigger({ kind: 'birthday', daysBefore: -1 })[0]?.path).toBe('daysBefore');
    expect(validateTrigger({ kind: 'palive_below', threshold: 1 })[0]?.path).toBe('threshold');
    expect(validateTrigger({ kind: 'stage_entered', stage: 'sleeping' })).toEqual([]);
  });
});
