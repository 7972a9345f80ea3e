import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../channel.ts';
import { createWebhookChannel } from './webhook-channel.ts';
import { parseRetryAfter } from './webhook-response.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function receiver(handler: Handler): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ path: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const reply =
  (status: number, body = '', headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };

const secret = 'whsec_test_secret_0123';
const NOW = 1_750_000_000_000;

function message(to: string, overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return { idempotencyKey: 'c1:o1:cust42:webhook', touchId: 9, kind: 'care', to, subject: null, body: '王小明 的洗衣凝珠快用完了，建议联系', unsubscribeUrl: null, template: null, metadata: { customerId: '42' }, ...overrides };
}

describe('webhook channel', () => {
  it('POSTs signed JSON with the idempotency key; the receiver verifies the raw body', async () => {
    const r = await receiver(reply(200, 'ok', { 'x-request-id': 'req-1' }));
    const channel = createWebhookChannel({ preset: 'json', secret, now: () => NOW });
    expect(await channel.send(message(`${r.url}/hooks/huitou`))).toEqual({ ok: true, providerMessageId: 'req-1', segments: 1 });
    const got = r.received[0]!;
    expect(got.path).toBe('/hooks/huitou');
    expect(got.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(got.headers['x-huitou-idempotency-key']).toBe('c1:o1:cust42:webhook');
    const signature = String(got.headers['x-huitou-signature']);
    expect(signature).toMatch(/^t=1750000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, signature, got.body, NOW + 1000)).toMatchObject({ ok: true });
    expect(verifyWebhookSignature(secret, signature, got.body, NOW + 400_000)).toEqual({ ok: false, reason: 'stale' });
    expect(JSON.parse(got.body)).toEqual({ id: 'c1:o1:cust42:webhook', type: 'huitou.message', createdAt: new Date(NOW).toISOString(), kind: 'care', touchId: 9, subject: null, body: '王小明 的洗衣凝珠快用完了，建议联系', unsubscribeUrl: null, template: null, metadata: { customerId: '42' } });
    expect(() => createWebhookChannel({ preset: 'json' })).toThrow(/secret/);
  });

  it('sends WeCom robot text and markdown bodies and reads the errcode', async () => {
    const r = await receiver((_req, res, body) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body.includes('坏') ? '{"errcode":93000,"errmsg":"invalid webhook url"}' : body.includes('快') ? '{"errcode":45009,"errmsg":"api freq out of limit"}' : '{"errcode":0,"errmsg":"ok"}');
    });
    const text = createWebhookChannel({ preset: 'wecom-text' });
    const url = `${r.url}/cgi-bin/webhook/send?key=SECRET-KEY`;
    expect((await text.send(message(url, { body: '回访提醒', metadata: { wecomMentionMobiles: '13800000000, @all' } }))).ok).toBe(true);
    expect(JSON.parse(r.received[0]!.body)).toEqual({ msgtype: 'text', text: { content: '回访提醒', mentioned_mobile_list: ['13800000000', '@all'] } });
    expect(r.received[0]!.headers['x-huitou-signature']).toBeUndefined();
    const md = createWebhookChannel({ preset: 'wecom-markdown', secret });
    expect((await md.send(message(url, { body: '**回访** <font color="info">3 位</font>' }))).ok).toBe(true);
    expect(JSON.parse(r.received[1]!.body)).toEqual({ msgtype: 'markdown', markdown: { content: '**回访** <font color="info">3 位</font>' } });
    expect(await text.send(message(url, { body: '坏' }))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'invalid_recipient' } });
    expect(await text.send(message(url, { body: '快' }))).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'rate_limited', retryAfterMs: 60_000 } });
    expect(await text.send(message(url, { body: '好'.repeat(683) }))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'rejected_content' } });
    expect(r.received).toHaveLength(4);
    expect(text.capabilities).toMatchObject({ kind: 'webhook', costPerMessageCents: 0, maxChars: 2048, quietHours: false, idempotencyKeys: false });
  });

  it('maps statuses: 429/5xx transient with Retry-After, other 4xx and redirects permanent', async () => {
    const statuses: [number, Record<string, string>, object][] = [
      [429, { 'retry-after': '7' }, { type: 'transient', reason: 'rate_limited', retryAfterMs: 7000 }],
      [503, { 'retry-after': new Date(NOW + 30_000).toUTCString() }, { type: 'transient', reason: 'server_error', retryAfterMs: 30_000 }],
      [500, {}, { type: 'transient', reason: 'server_error', retryAfterMs: null }],
      [408, {}, { type: 'transient', reason: 'timeout' }],
      [400, {}, { type: 'permanent', reason: 'bad_request' }],
      [401, {}, { type: 'permanent', reason: 'auth' }],
      [404, {}, { type: 'permanent', reason: 'invalid_recipient' }],
      [422, {}, { type: 'permanent', reason: 'rejected_content' }],
    ];
    for (const [status, headers, failure] of statuses) {
      const r = await receiver(reply(status, 'nope', headers));
      const outcome = await createWebhookChannel({ preset: 'json', secret, now: () => NOW }).send(message(r.url));
      expect(outcome, String(status)).toMatchObject({ ok: false, failure });
    }
    const target = await receiver(reply(200));
    const redirecting = await receiver(reply(307, '', { location: `${target.url}/elsewhere` }));
    expect(await createWebhookChannel({ preset: 'json', secret }).send(message(redirecting.url))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'bad_request' } });
    expect(target.received).toHaveLength(0);
  });

  it('times out on a receiver that never answers, and reports refused connections as network', async () => {
    const r = await receiver(() => undefined);
    const started = Date.now();
    const outcome = await createWebhookChannel({ preset: 'wecom-text', timeoutMs: 200 }).send(message(`${r.url}/send?key=SECRET-KEY`));
    expect(outcome).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(3_000);
    if (!outcome.ok) expect(outcome.failure.message).not.toContain('SECRET-KEY');
    const gone = await receiver(reply(200));
    await closers.pop()!();
    expect(await createWebhookChannel({ preset: 'json', secret }).send(message(gone.url))).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'network' } });
    const controller = new AbortController();
    controller.abort();
    expect(await createWebhookChannel({ preset: 'json', secret }).send(message(r.url), controller.signal)).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'timeout' } });
  });

  it('refuses non-http addresses without a request', async () => {
    const channel = createWebhookChannel({ preset: 'json', secret });
    for (const to of ['file:///etc/passwd', 'not a url', 'gopher://127.0.0.1/']) {
      expect(await channel.send(message(to)), to).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'invalid_recipient' } });
    }
    expect([parseRetryAfter(null, NOW), parseRetryAfter('soon', NOW), parseRetryAfter('0', NOW), parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW)]).toEqual([null, null, 0, 0]);
  });
});
