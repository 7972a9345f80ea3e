/**
 * Signing of outgoing webhooks (Stripe/Svix style): `X-Huitou-Signature: t=<unix seconds>,v1=<hex>` where
 * hex is HMAC-SHA256(secret, "<t>.<raw body>"). Receivers verify with verifyWebhookSignature, which compares
 * in constant time and rejects timestamps outside the tolerance window (replays).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying the signature. */
export const SIGNATURE_HEADER = 'X-Huitou-Signature';
/** Header carrying the message's idempotency key, for receivers to de-duplicate retries. */
export const IDEMPOTENCY_HEADER = 'X-Huitou-Idempotency-Key';

function hmacHex(secret: string, timestamp: number, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The signature header value for `body` sent at `nowMs`. */
export function signWebhook(secret: string, body: string | Uint8Array, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${hmacHex(secret, t, body)}`;
}

export type WebhookVerification =
  | { readonly ok: true; readonly timestampMs: number }
  | { readonly ok: false; readonly reason: 'malformed' | 'stale' | 'bad_signature' };

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * Verifies a signature header against the raw request body. Accepts several `v1=` entries (secret rotation:
 * the sender may sign with old and new secrets). `nowMs` is the receiver's clock; a timestamp more than
 * `toleranceMs` away from it in either direction is `stale`.
 */
export function verifyWebhookSignature(secret: string, header: string | null | undefined, rawBody: string | Uint8Array, nowMs: number, toleranceMs = 300_000): WebhookVerification {
  if (typeof header !== 'string' || header.length > 4096) return { ok: false, reason: 'malformed' };
  let timestamp: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && HEX_SHA256.test(value)) candidates.push(value);
  }
  if (timestamp === null || candidates.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowMs - timestamp * 1000) > toleranceMs) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  let matched = false;
  for (const candidate of candidates) {
    // every candidate is compared, so timing does not reveal which one matched
    if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) matched = true;
  }
  return matched ? { ok: true, timestampMs: timestamp * 1000 } : { ok: false, reason: 'bad_signature' };
}
