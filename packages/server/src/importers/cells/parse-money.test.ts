import { describe, expect, it } from 'vitest';
import { formatCents, parseMoney } from './parse-money.ts';

const cents = (s: string): number | null => {
  const r = parseMoney(s);
  return r.kind === 'amount' ? r.cents : null;
};

describe('parseMoney', () => {
  it('parses plain, currency and thousands', () => {
    expect(cents('12.34')).toBe(1234);
    expect(cents('¥1,234.5')).toBe(123450);
    expect(cents('￥0.1')).toBe(10);
    expect(cents('$3')).toBe(300);
    expect(cents('£1,000,000.01')).toBe(100000001);
  });
  it('has no float drift', () => {
    expect(cents('0.29')).toBe(29);
    expect(cents('1.005')).toBe(101);
    expect(cents('4.35')).toBe(435);
  });
  it('accepts negatives and text suffixes', () => {
    expect(cents('-12.50')).toBe(-1250);
    expect(cents('¥-3')).toBe(-300);
    expect(cents('(2.00)')).toBe(-200);
    expect(cents('499.00（系统计算中，该值仅供参考）')).toBe(49900);
    expect(cents('12.00元')).toBe(1200);
  });
  it('types text and empty', () => {
    expect(parseMoney('无退款申请')).toEqual({ kind: 'text', text: '无退款申请' });
    expect(parseMoney('')).toEqual({ kind: 'empty' });
    expect(parseMoney('12,34').kind).toBe('text');
    expect(cents('999,999,999,999.99')).toBe(99_999_999_999_999);
    expect(parseMoney('9999999999999.00').kind).toBe('text');
  });
  it('formats cents', () => {
    expect(formatCents(-1205)).toBe('-12.05');
  });
});
