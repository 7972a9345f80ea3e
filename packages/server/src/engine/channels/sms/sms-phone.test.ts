import { describe, expect, it } from 'vitest';
import { msUntilShanghaiHour, parseRetryAfterMs } from './sms-failure.ts';
import { aliyunPhone, parseSmsRecipient } from './sms-phone.ts';

describe('SMS recipients', () => {
  it.each([
    ['13800138000', '+8613800138000', '13800138000'],
    ['+86 138-0013-8000', '+8613800138000', '13800138000'],
    ['008613800138000', '+8613800138000', '13800138000'],
    ['8613800138000', '+8613800138000', '13800138000'],
    ['+85261234567', '+85261234567', null],
    ['+14155550123', '+14155550123', null],
  ])('%s → %s', (input, e164, national) => {
    expect(parseSmsRecipient(input)).toEqual({ e164, cnNational: national });
  });

  it.each(['', '12345', '+8612345678901', '23800138000', 'abc', '+0123456789'])('refuses %j', (input) => {
    expect(parseSmsRecipient(input)).toBeNull();
  });

  it('formats Aliyun numbers bare for the mainland, with country code elsewhere', () => {
    expect(aliyunPhone({ e164: '+8613800138000', cnNational: '13800138000' })).toBe('13800138000');
    expect(aliyunPhone({ e164: '+85261234567', cnNational: null })).toBe('85261234567');
  });
});

describe('retry timing', () => {
  const now = new Date('2024-05-01T12:00:00Z');
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfterMs('7', now)).toBe(7000);
    expect(parseRetryAfterMs('Wed, 01 May 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs(null, now)).toBeNull();
  });

  it('counts to the next Beijing hour', () => {
    expect(msUntilShanghaiHour(now, 0)).toBe(4 * 3_600_000);
    expect(msUntilShanghaiHour(now, 21)).toBe(3_600_000);
    expect(msUntilShanghaiHour(now, 20)).toBe(24 * 3_600_000);
  });
});
