import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { compileTemplate } from '../../templates/compile-template.ts';
import { renderTemplate } from '../../templates/render-template.ts';
import type { Channel, OutboundMessage } from '../channel.ts';
import { checkDkim } from './dkim-check.ts';
import { createEmailChannel, EMAIL_HTML_METADATA_KEY } from './email-channel.ts';
import type { EmailChannelOptions } from './email-channel.ts';
import { messageIdFor } from './email-headers.ts';
import { decodeWords, mimeParts, parseMessage, startSilentServer, startSmtpServer } from './smtp-test-kit.ts';
import type { SmtpBehaviour, TestSmtpServer } from './smtp-test-kit.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function server(behaviour: SmtpBehaviour = {}): Promise<TestSmtpServer> {
  const s = await startSmtpServer(behaviour);
  cleanups.push(() => s.close());
  return s;
}

function channel(port: number, extra: Partial<EmailChannelOptions> = {}): Channel {
  const c = createEmailChannel({ host: '127.0.0.1', port, from: '"小兔家居" <news@shop.example>', unsubscribeMailto: 'unsub@shop.example', timeoutMs: 2_000, ...extra });
  cleanups.push(() => c.close?.() ?? Promise.resolve());
  return c;
}

function message(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    idempotencyKey: 'c1:o1:cust42:email',
    touchId: 7,
    kind: 'marketing',
    to: 'buyer@example.com',
    subject: '王小明，您的专属优惠券',
    body: '亲，您的 20 元券 HUI20 6月30日到期。',
    unsubscribeUrl: 'https://crm.shop.example/u/TOKEN123',
    template: null,
    metadata: {},
    ...overrides,
  };
}

function rendered(source: string, mode: 'html' | 'text', data: unknown): string {
  const compiled = compileTemplate(source);
  if (!compiled.ok) throw new Error('template');
  const out = renderTemplate(compiled.template, data, { mode });
  if (!out.ok) throw new Error(out.error.message);
  return out.text;
}

describe('email channel over a real SMTP server', () => {
  it('sends RFC 8058 headers, a key-derived Message-ID and rendered text and HTML parts', async () => {
    const smtp = await server();
    const data = { customer: { name: '<img src=x onerror=alert(1)>王' }, coupon: { code: 'HUI20' } };
    const html = rendered('<p>{{customer.name}}，券码 <b>{{coupon.code}}</b></p>', 'html', data);
    const outcome = await channel(smtp.port).send(message({ body: rendered('{{customer.name}}，券码 {{coupon.code}}', 'text', data), metadata: { [EMAIL_HTML_METADATA_KEY]: html } }));
    const expectedId = messageIdFor('c1:o1:cust42:email', 'shop.example');
    expect(outcome).toEqual({ ok: true, providerMessageId: expectedId, segments: 1 });
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.from).toBe('news@shop.example');
    expect(mail.to).toEqual(['buyer@example.com']);
    const { headers } = parseMessage(mail.raw);
    expect(headers.get('list-unsubscribe')).toBe('<https://crm.shop.example/u/TOKEN123>, <mailto:unsub@shop.example?subject=unsubscribe>');
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(headers.get('message-id')).toBe(expectedId);
    expect(decodeWords(headers.get('subject') ?? '')).toBe('王小明，您的专属优惠券');
    expect(decodeWords(headers.get('from') ?? '')).toContain('小兔家居');
    const parts = mimeParts(mail.raw);
    expect(parts.get('text/plain')?.body.trim()).toBe('<img src=x onerror=alert(1)>王，券码 HUI20');
    expect(parts.get('text/html')?.body.trim()).toBe('<p>&lt;img src&#61;x onerror&#61;alert(1)&gt;王，券码 <b>HUI20</b></p>');
  });

  it('gives a resend the same Message-ID and another key a different one', async () => {
    const smtp = await server();
    const c = channel(smtp.port);
    await c.send(message());
    await c.send(message());
    await c.send(message({ idempotencyKey: 'c1:o1:cust43:email' }));
    const ids = smtp.mails.map((m) => parseMessage(m.raw).headers.get('message-id'));
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it('DKIM-signs both unsubscribe headers', async () => {
    const smtp = await server();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const outcome = await channel(smtp.port, { dkim: { domainName: 'shop.example', keySelector: 'huitou', privateKey } }).send(message());
    expect(outcome.ok).toBe(true);
    const raw = smtp.mails[0]!.raw;
    expect(parseMessage(raw).headers.get('dkim-signature')).toMatch(/d=shop\.example;.*s=huitou/);
    const dkim = checkDkim(raw, publicKey);
    expect(dkim.signed).toEqual(expect.arrayContaining(['from', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']));
    expect(dkim).toMatchObject({ bodyOk: true, signatureOk: true });
    const tampered = raw.replace('List-Unsubscribe=One-Click', 'List-Unsubscribe=One-Clack');
    expect(checkDkim(tampered, publicKey).signatureOk).toBe(false);
  });

  it('refuses marketing without an https unsubscribe URL; care mail needs none', async () => {
    const smtp = await server();
    const c = channel(smtp.port);
    expect(await c.send(message({ unsubscribeUrl: null }))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'bad_request' } });
    expect(await c.send(message({ unsubscribeUrl: 'http://crm.shop.example/u/x' }))).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'bad_request' } });
    expect(smtp.mails).toHaveLength(0);
    expect((await c.send(message({ kind: 'care', unsubscribeUrl: null, subject: 'a\r\nBcc: evil@x.example' }))).ok).toBe(true);
    const { headers } = parseMessage(smtp.mails[0]!.raw);
    expect(headers.has('list-unsubscribe')).toBe(false);
    expect(headers.has('bcc')).toBe(false);
    expect(smtp.mails[0]!.to).toEqual(['buyer@example.com']);
  });

  it('maps SMTP replies: 550 permanent, 451 and 421 transient, 554 after DATA, 535 auth', async () => {
    const cases: [SmtpBehaviour, object][] = [
      [{ rcptCode: 550 }, { type: 'permanent', reason: 'invalid_recipient' }],
      [{ rcptCode: 451 }, { type: 'transient', reason: 'server_error', retryAfterMs: null }],
      [{ rcptCode: 421 }, { type: 'transient', reason: 'rate_limited' }],
      [{ dataCode: 554 }, { type: 'permanent', reason: 'rejected_content' }],
    ];
    for (const [behaviour, failure] of cases) {
      const smtp = await server(behaviour);
      expect(await channel(smtp.port).send(message()), JSON.stringify(behaviour)).toMatchObject({ ok: false, failure });
    }
    const authed = await server({ credentials: { user: 'shop', pass: 'right' } });
    expect(await channel(authed.port, { auth: { user: 'shop', pass: 'wrong' } }).send(message())).toMatchObject({ ok: false, failure: { type: 'permanent', reason: 'auth' } });
    expect((await channel(authed.port, { auth: { user: 'shop', pass: 'right' } }).send(message())).ok).toBe(true);
  });

  it('reports a server that never answers as a transient timeout, a refused connection as network', async () => {
    const silent = await startSilentServer();
    cleanups.push(() => silent.close());
    const started = Date.now();
    expect(await channel(silent.port, { timeoutMs: 300 }).send(message())).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    const smtp = await startSmtpServer();
    const closedPort = smtp.port;
    await smtp.close();
    expect(await channel(closedPort).send(message())).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'network' } });
  });

  it('returns a transient failure when the caller aborts', async () => {
    const silent = await startSilentServer();
    cleanups.push(() => silent.close());
    const controller = new AbortController();
    const pending = channel(silent.port, { timeoutMs: 10_000 }).send(message(), controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ ok: false, failure: { type: 'transient', reason: 'timeout' } });
  });

  it('declares its capabilities', () => {
    expect(channel(1).capabilities).toEqual({ kind: 'email', costPerMessageCents: 0, maxPerSecond: 10, segmentChars: null, maxChars: null, quietHours: false, idempotencyKeys: false });
  });
});
