import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.ts';

const secret = 'whsec_0123456789abcdef';
const body = '{"id":"k1","body":"亲，回T退订"}';
const now = 1_750_000_000_000;

describe('webhook signatures', () => {
  it('signs t.body with HMAC-SHA256 and verifies it', () => {
    const header = signWebhook(secret, body, now);
    const t = Math.floor(now / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`);
    expect(verifyWebhookSignature(secret, header, body, now)).toEqual({ ok: true, timestampMs: t * 1000 });
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), now + 299_000)).toMatchObject({ ok: true });
  });

  it('rejects stale and future timestamps outside the tolerance', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature(secret, header, body, now + 301_000)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature(secret, header, body, now - 301_000)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature(secret, header, body, now + 10_000, 5_000)).toEqual({ ok: false, reason: 'stale' });
  });

  it('rejects bad signatures, tampered bodies, other secrets and a moved timestamp', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature(secret, header, body.replace('退订', '订阅'), now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhookSignature('whsec_other_secret_value', header, body, now)).toEqual({ ok: false, reason: 'bad_signature' });
    const t = Math.floor(now / 1000);
    expect(verifyWebhookSignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, now)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhookSignature(secret, header.replace(/v1=.{4}/, 'v1=0000'), body, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('treats malformed headers as malformed, and accepts any one of several v1 values', () => {
    for (const bad of [null, undefined, '', 'v1=abc', `t=${now / 1000}`, 't=x,v1=' + 'a'.repeat(64), `t=1,v1=${'g'.repeat(64)}`, `t=1,v1=${'a'.repeat(63)}`, 'x'.repeat(5000)]) {
      expect(verifyWebhookSignature(secret, bad, body, now), String(bad)).toEqual({ ok: false, reason: 'malformed' });
    }
    const header = signWebhook(secret, body, now);
    const [t, v1] = header.split(',');
    expect(verifyWebhookSignature(secret, `${t},v1=${'0'.repeat(64)},${v1}`, body, now)).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(secret, ` ${v1} , ${t} `, body, now)).toMatchObject({ ok: true });
  });
});
