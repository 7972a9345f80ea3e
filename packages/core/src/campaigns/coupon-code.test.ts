import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseDay, formatDay } from '../analytics/calendar.ts';
import { COUPON_ALPHABET, couponCode, formatCouponCode, isWellFormedCouponCode, normalizeCouponCode, verifyCouponCode } from './coupon-code.ts';
import { issueCoupon } from './issue-coupon.ts';
import { hmacSha256, sha256, toHex, utf8 } from './sha256.ts';

describe('sha256 / hmac', () => {
  it('matches known vectors and node:crypto', () => {
    expect(toHex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (const len of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = '回头客x'.repeat(len).slice(0, len);
      expect(toHex(sha256(utf8(text)))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
  it('HMAC matches node:crypto for short and long keys', () => {
    for (const key of ['', 'secret', 'k'.repeat(64), 'é'.repeat(100)]) {
      for (const msg of ['', 'hello', '满150减20\n顾客 42'.repeat(20)]) {
        expect(toHex(hmacSha256(key, msg))).toBe(createHmac('sha256', key).update(msg, 'utf8').digest('hex'));
      }
    }
  });
  it('encodes UTF-8 like Buffer', () => {
    for (const s of ['abc', 'é', '回', '😀', 'a\u{10FFFF}b']) expect([...utf8(s)]).toEqual([...Buffer.from(s, 'utf8')]);
  });
});

describe('coupon codes', () => {
  const input = { campaignKey: 'double11-2026', occurrenceKey: 'retail:double11:2026', customerId: 42, secret: 'shop-secret' };
  it('is deterministic, unique per recipient and in the alphabet', () => {
    const code = couponCode(input);
    expect(code).toHaveLength(12);
    expect(couponCode({ ...input })).toBe(code);
    expect([...code].every((ch) => COUPON_ALPHABET.includes(ch))).toBe(true);
    expect(code).not.toMatch(/[01OI]/);
    const codes = new Set<string>();
    for (let c = 0; c < 2000; c++) codes.add(couponCode({ ...input, customerId: c }));
    expect(codes.size).toBe(2000);
    expect(couponCode({ ...input, occurrenceKey: 'retail:double11:2027' })).not.toBe(code);
    expect(couponCode({ ...input, secret: 'other' })).not.toBe(code);
  });
  it('verifies, normalises input and rejects typos', () => {
    const code = couponCode(input);
    expect(isWellFormedCouponCode(code)).toBe(true);
    expect(verifyCouponCode(code, input)).toBe(true);
    expect(verifyCouponCode(formatCouponCode(code).toLowerCase(), input)).toBe(true);
    expect(verifyCouponCode(` ${code.slice(0, 4)} ${code.slice(4)} `, input)).toBe(true);
    expect(verifyCouponCode(code, { ...input, customerId: 43 })).toBe(false);
    // Every single-character substitution is caught by the check character alone.
    for (let i = 0; i < code.length; i++) {
      for (const ch of COUPON_ALPHABET) {
        if (ch === code[i]) continue;
        expect(isWellFormedCouponCode(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false);
      }
    }
    expect(isWellFormedCouponCode(code.slice(1))).toBe(false);
    expect(isWellFormedCouponCode(code.replace(/.$/, '0'))).toBe(false);
    expect(formatCouponCode(code)).toMatch(/^.{4}-.{4}-.{4}$/);
    expect(normalizeCouponCode('ab-cd ef')).toBe('ABCDEF');
  });
  it('issues a coupon with window and label', () => {
    const c = issueCoupon({ kind: 'threshold', thresholdCents: 15000, amountCents: 2000, validDays: 7 }, parseDay('2026-11-01'), input);
    expect(c.code).toBe(couponCode(input));
    expect([formatDay(c.fromDay), formatDay(c.toDay)]).toEqual(['2026-11-01', '2026-11-07']);
    expect(c.label.zh).toBe('满150减20');
    expect(() => issueCoupon({ kind: 'no_threshold', amountCents: 0, validDays: 7 }, 0, input)).toThrow(RangeError);
  });
});
