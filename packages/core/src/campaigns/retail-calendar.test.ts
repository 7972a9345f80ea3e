import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../analytics/calendar.ts';
import { lunarDateOf, lunarDayInYear, lunarMonthStart } from './lunar.ts';
import { beijingNewMoonDayNear, newMoonJde } from './new-moon.ts';
import { calendarDates, nthWeekdayOfMonth, retailDate, retailDates, shopDates, yearlyDay } from './retail-calendar.ts';

const on = (code: Parameters<typeof retailDate>[0], year: number): string => formatDay(retailDate(code, year));

describe('new moons (Meeus ch. 49)', () => {
  it('reproduces Meeus example 49.a', () => {
    // New moon of 1977 Feb: k = −283, JDE 2443192.65118 (1977-02-18 03:37:42 TD).
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });
  it('puts the 2027-02-06 new moon on Feb 6 Beijing time', () => {
    // Annular eclipse 2027-02-06 ~15:59Z = 23:59 Beijing; the conjunction is a few minutes earlier.
    expect(formatDay(beijingNewMoonDayNear(parseDay('2027-02-07')))).toBe('2027-02-06');
  });
});

describe('lunar dates', () => {
  it('tells leap months apart from regular ones', () => {
    // 2023 had 闰二月 from 2023-03-22; 2025 had 闰六月 from 2025-07-25.
    expect(lunarDateOf(parseDay('2023-03-22'))).toEqual({ month: 2, day: 1, leap: true });
    expect(lunarDateOf(parseDay('2023-04-20'))).toEqual({ month: 3, day: 1, leap: false });
    expect(lunarDateOf(parseDay('2025-07-25'))).toEqual({ month: 6, day: 1, leap: true });
    expect(lunarDateOf(parseDay('2025-08-29'))).toEqual({ month: 7, day: 7, leap: false });
  });
  it('skips the leap month when looking for a regular month', () => {
    // From 2025-07-01 (in regular 6th month), the next regular 6th month is a year later, not 闰六月.
    expect(formatDay(lunarMonthStart(6, parseDay('2025-07-01')) ?? 0)).toBe('2026-07-14');
    expect(formatDay(lunarDayInYear(2023, 3, 1))).toBe('2023-04-20');
  });
  it('corrects ICU where its new moon is a day off', () => {
    // ICU (78) puts 2027's 正月初一 on Feb 7 and 2030's on Feb 2; the new moons are on Feb 6
    // (23:56 Beijing) and Feb 3 (≈00:07 Beijing, 2030-02-02T16:07Z).
    expect(formatDay(lunarDayInYear(2027, 1, 1))).toBe('2027-02-06');
    expect(formatDay(lunarDayInYear(2030, 1, 1))).toBe('2030-02-03');
    // 2057: the 9th month starts 09-28 (HKO's footnote; ICU says 09-29).
    expect(formatDay(lunarDayInYear(2057, 9, 1))).toBe('2057-09-28');
  });
});

describe('retail dates', () => {
  it('matches known 春节 dates', () => {
    expect([2023, 2024, 2025, 2026, 2027].map((y) => on('spring_festival', y))).toEqual(['2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06']);
  });
  it('matches known 元宵, 七夕 and 中秋 dates', () => {
    expect(on('lantern_festival', 2025)).toBe('2025-02-12');
    expect(on('lantern_festival', 2026)).toBe('2026-03-03');
    expect(on('qixi', 2024)).toBe('2024-08-10');
    expect(on('qixi', 2025)).toBe('2025-08-29'); // regular 7th month, after 2025's 闰六月
    expect(on('mid_autumn', 2024)).toBe('2024-09-17');
    expect(on('mid_autumn', 2025)).toBe('2025-10-06');
    expect(on('mid_autumn', 2026)).toBe('2026-09-25');
    expect(on('mid_autumn', 2023)).toBe('2023-09-29');
  });
  it('has the fixed and weekday dates', () => {
    expect(on('valentines_day', 2026)).toBe('2026-02-14');
    expect(on('womens_day', 2026)).toBe('2026-03-08');
    expect(on('618', 2026)).toBe('2026-06-18');
    expect(on('double11', 2026)).toBe('2026-11-11');
    expect(on('double12', 2026)).toBe('2026-12-12');
    expect(on('mothers_day', 2026)).toBe('2026-05-10'); // 2nd Sunday of May 2026
    expect(on('fathers_day', 2026)).toBe('2026-06-21'); // 3rd Sunday of June 2026
    expect(on('mothers_day', 2025)).toBe('2025-05-11');
    expect(formatDay(nthWeekdayOfMonth(2026, 3, 1, 1))).toBe('2026-03-02'); // first Monday
  });
  it('lists a year in order with names', () => {
    const y = retailDates(2026);
    expect(y.map((d) => d.code)).toEqual(['valentines_day', 'spring_festival', 'lantern_festival', 'womens_day', 'mothers_day', '618', 'fathers_day', 'qixi', 'mid_autumn', 'double11', 'double12']);
    expect(y.find((d) => d.code === 'spring_festival')).toMatchObject({ zh: '春节', en: 'Chinese New Year', source: 'retail' });
  });
  it('finds every festival inside its own year, 1950–2100', () => {
    for (let year = 1950; year <= 2100; year++) {
      const sf = retailDate('spring_festival', year);
      expect(formatDay(sf) >= `${year}-01-21` && formatDay(sf) <= `${year}-02-20`).toBe(true);
      expect(retailDate('lantern_festival', year) - sf).toBe(14);
      const mid = formatDay(retailDate('mid_autumn', year));
      expect(mid >= `${year}-09-07` && mid <= `${year}-10-08`).toBe(true);
    }
  });
  it('adds shop dates, Feb 29 on Feb 28 in other years', () => {
    const own = [
      { code: 'shop_birthday', zh: '店庆', en: 'Shop anniversary', month: 2, dayOfMonth: 29 },
      { code: 'launch', zh: '新品发布', en: 'Launch', day: parseDay('2026-04-01') },
    ];
    expect(shopDates(own, 2027).map((d) => [d.code, formatDay(d.day)])).toEqual([['shop_birthday', '2027-02-28']]);
    expect(shopDates(own, 2028).map((d) => formatDay(d.day))).toEqual(['2028-02-29']);
    expect(calendarDates(2026, own).filter((d) => d.source === 'shop').map((d) => formatDay(d.day))).toEqual(['2026-02-28', '2026-04-01']);
    expect(formatDay(yearlyDay(2026, 2, 29))).toBe('2026-02-28');
  });
});
