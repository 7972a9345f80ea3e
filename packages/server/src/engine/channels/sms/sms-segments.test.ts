import { describe, expect, it } from 'vitest';
import { billedSmsText, countSmsSegments, smsCostCents, smsEncoding } from './sms-segments.ts';

const zh = (n: number): string => '好'.repeat(n);

describe('SMS segments', () => {
  it('bills UCS-2 text at 70 per single segment and 67 per part', () => {
    expect(countSmsSegments(zh(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(countSmsSegments(zh(71)).segments).toBe(2);
    expect(countSmsSegments(zh(134)).segments).toBe(2);
    expect(countSmsSegments(zh(135)).segments).toBe(3);
    expect(countSmsSegments(zh(201)).segments).toBe(3);
    expect(countSmsSegments(zh(202)).segments).toBe(4);
  });

  it('bills GSM-7 text at 160 / 153, extension characters taking two septets', () => {
    expect(countSmsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(countSmsSegments('a'.repeat(161)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSmsSegments('a'.repeat(307)).segments).toBe(3);
    expect(countSmsSegments(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
  });

  it('switches to UCS-2 for any character outside GSM-7, and counts UTF-16 units', () => {
    expect(smsEncoding('Hello @ £5 {ok}')).toBe('gsm7');
    expect(smsEncoding('Hello 你')).toBe('ucs2');
    expect(smsEncoding('【x】')).toBe('ucs2');
    expect(countSmsSegments(`${'a'.repeat(69)}😀`)).toEqual({ encoding: 'ucs2', units: 71, segments: 2 });
    expect(countSmsSegments('').segments).toBe(0);
  });

  it('counts the 【signature】 and the appended opt-out phrase, as Chinese providers do', () => {
    const sign = '回头客示范店'; // 【回头客示范店】 = 8 characters
    const body = zh(62);
    expect(countSmsSegments(billedSmsText({ signName: sign, body, optOutText: null })).segments).toBe(1); // 70
    expect(countSmsSegments(billedSmsText({ signName: sign, body: zh(63), optOutText: null })).segments).toBe(2); // 71
    const withOptOut = billedSmsText({ signName: sign, body: zh(58), optOutText: '回T退订' }); // 8 + 58 + 4
    expect(withOptOut).toBe(`【${sign}】${zh(58)}回T退订`);
    expect(countSmsSegments(withOptOut)).toMatchObject({ units: 70, segments: 1 });
    expect(countSmsSegments(billedSmsText({ signName: sign, body: zh(59), optOutText: '回T退订' })).segments).toBe(2);
  });

  it('does not add the signature or opt-out phrase twice', () => {
    expect(billedSmsText({ signName: 'S', body: '【S】hi 拒收请回复R', optOutText: '拒收请回复R' })).toBe('【S】hi 拒收请回复R');
  });

  it('prices segments × per-segment cost', () => {
    expect(smsCostCents(3, 4.5)).toBe(13.5);
  });
});
