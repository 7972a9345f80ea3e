/**
 * The webhook Channel: POSTs a JSON body to the message's `to` URL (the seller's own system, or a 企业微信
 * group robot), HMAC-signed, with the idempotency key in a header and a hard timeout. Redirects are not
 * followed (a signed body must not be re-sent somewhere else), and the response is read only up to 64 KiB.
 */
import type { Channel, ChannelCapabilities, OutboundMessage, SendOutcome } from '../channel.ts';
import { webhookPayload } from './webhook-payload.ts';
import type { WebhookPreset } from './webhook-payload.ts';
import { httpFailure, wecomFailure } from './webhook-response.ts';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature.ts';

export interface WebhookChannelOptions {
  readonly preset: WebhookPreset;
  /** HMAC secret; required for the `json` preset, optional for WeCom robots (which ignore it). */
  readonly secret?: string;
  /** Whole-request timeout (connect, send, response); default 10,000 ms. */
  readonly timeoutMs?: number;
  /** Declared rate limit; default 20/s for json, 1/3 s for WeCom robots (20 a minute). */
  readonly maxPerSecond?: number;
  /** Clock for the signature timestamp; default Date.now. */
  readonly now?: () => number;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

async function readCapped(response: Response): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_RESPONSE_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
}

/** A URL's text without query and fragment, for messages (WeCom keys travel in the query). */
function redacted(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Creates a webhook channel. Throws for configuration errors (a json preset without a secret). */
export function createWebhookChannel(options: WebhookChannelOptions): Channel {
  const secret = options.secret ?? null;
  if (options.preset === 'json' && (secret === null || secret.length < 16)) throw new Error('webhook json preset needs a secret of at least 16 characters');
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const capabilities: ChannelCapabilities = Object.freeze({
    kind: 'webhook',
    costPerMessageCents: 0,
    maxPerSecond: options.maxPerSecond ?? (options.preset === 'json' ? 20 : 1 / 3),
    segmentChars: null,
    maxChars: options.preset === 'wecom-text' ? 2048 : options.preset === 'wecom-markdown' ? 4096 : null,
    quietHours: false,
    idempotencyKeys: options.preset === 'json',
  });

  async function send(message: OutboundMessage, signal?: AbortSignal): Promise<SendOutcome> {
    let url: URL;
    try {
      url = new URL(message.to);
    } catch {
      return { ok: false, failure: { type: 'permanent', reason: 'invalid_recipient', message: 'webhook address is not a URL' } };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { ok: false, failure: { type: 'permanent', reason: 'invalid_recipient', message: `webhook URL scheme ${url.protocol} is not http(s)` } };
    }
    const nowMs = now();
    const payload = webhookPayload(options.preset, message, nowMs);
    if (!payload.ok) return { ok: false, failure: { type: 'permanent', reason: 'rejected_content', message: payload.message } };
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'huitou-webhook/1',
      [IDEMPOTENCY_HEADER]: message.idempotencyKey,
    };
    if (secret !== null) headers[SIGNATURE_HEADER] = signWebhook(secret, payload.body, nowMs);
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal === undefined ? timeout : AbortSignal.any([timeout, signal]);
    try {
      const response = await fetch(url, { method: 'POST', headers, body: payload.body, redirect: 'manual', signal: combined });
      const text = await readCapped(response);
      if (response.status < 200 || response.status >= 300) {
        return { ok: false, failure: httpFailure(response.status, response.headers.get('retry-after'), now(), text.slice(0, 200).replace(/\s+/g, ' ').trim()) };
      }
      if (options.preset !== 'json') {
        const failure = wecomFailure(text);
        if (failure !== null) return { ok: false, failure };
      }
      return { ok: true, providerMessageId: response.headers.get('x-request-id') ?? message.idempotencyKey, segments: 1 };
    } catch (error: unknown) {
      const where = redacted(url);
      if (combined.aborted) {
        const why = timeout.aborted ? `no answer from ${where} within ${timeoutMs} ms` : `send to ${where} aborted`;
        return { ok: false, failure: { type: 'transient', reason: 'timeout', retryAfterMs: null, message: why } };
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
      return { ok: false, failure: { type: 'transient', reason: 'network', retryAfterMs: null, message: `${where}: ${cause}` } };
    }
  }

  return { capabilities, send };
}
