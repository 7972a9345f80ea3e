import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('HUITOU_TRUSTED_PROXIES', () => {
  it('is empty by default and a normalised, de-duplicated list when set', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ HUITOU_TRUSTED_PROXIES: ' ' }).trustedProxies).toEqual([]);
    expect(loadConfig({ HUITOU_TRUSTED_PROXIES: '127.0.0.1, ::1,::FFFF:127.0.0.1,10.0.0.2' }).trustedProxies).toEqual(['127.0.0.1', '::1', '10.0.0.2']);
  });

  it('names a value that is not an IP address', () => {
    for (const bad of ['localhost', '10.0.0.0/8', '127.0.0.1,', '1.2.3.4.5', '*']) {
      expect(() => loadConfig({ HUITOU_TRUSTED_PROXIES: bad })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ HUITOU_TRUSTED_PROXIES: 'proxy.internal' })).toThrow(/HUITOU_TRUSTED_PROXIES: "proxy.internal" is not an IP address/);
  });
});
