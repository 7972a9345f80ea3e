import { describe, expect, it } from 'vitest';
import { forwardedClient } from './request-info.ts';

const PROXIES = new Set(['127.0.0.1', '10.0.0.2', '::1']);

describe('forwardedClient', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(forwardedClient('198.51.100.7', '203.0.113.9', PROXIES)).toBe('198.51.100.7');
    expect(forwardedClient('198.51.100.7', undefined, new Set())).toBe('198.51.100.7');
  });

  it('takes the client a trusted proxy saw, skipping trusted hops from the right', () => {
    expect(forwardedClient('127.0.0.1', '203.0.113.9', PROXIES)).toBe('203.0.113.9');
    expect(forwardedClient('127.0.0.1', '203.0.113.9, 10.0.0.2', PROXIES)).toBe('203.0.113.9');
    expect(forwardedClient('::1', ' 2001:DB8::5 ,10.0.0.2', PROXIES)).toBe('2001:db8::5');
    expect(forwardedClient('127.0.0.1', '::ffff:203.0.113.9', PROXIES)).toBe('203.0.113.9');
  });

  it('does not believe what a client wrote left of the address the proxy saw', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real address.
    expect(forwardedClient('127.0.0.1', '1.2.3.4, 198.51.100.7', PROXIES)).toBe('198.51.100.7');
    expect(forwardedClient('127.0.0.1', '127.0.0.1, 198.51.100.7', PROXIES)).toBe('198.51.100.7');
  });

  it('stops at the last trusted hop on a missing, empty or garbage entry, and on a chain of only proxies', () => {
    expect(forwardedClient('127.0.0.1', undefined, PROXIES)).toBe('127.0.0.1');
    expect(forwardedClient('127.0.0.1', '', PROXIES)).toBe('127.0.0.1');
    expect(forwardedClient('127.0.0.1', 'evil<script>, 10.0.0.2', PROXIES)).toBe('10.0.0.2');
    expect(forwardedClient('127.0.0.1', '10.0.0.2, 127.0.0.1', PROXIES)).toBe('10.0.0.2'); // the furthest hop known
    expect(forwardedClient('127.0.0.1', 'unknown', PROXIES)).toBe('127.0.0.1');
  });

  it('looks at no more than 16 hops of a huge header', () => {
    const header = [...Array.from({ length: 100_000 }, (_, i) => `192.0.2.${i % 250}`), ...Array.from({ length: 16 }, () => '10.0.0.2')].join(',');
    expect(forwardedClient('127.0.0.1', header, PROXIES)).toBe('10.0.0.2');
    expect(forwardedClient('127.0.0.1', `${'9'.repeat(1_000_000)}, 203.0.113.9`, PROXIES)).toBe('203.0.113.9');
  });
});
