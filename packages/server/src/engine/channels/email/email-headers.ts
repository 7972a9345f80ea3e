/**
 * Headers huitou adds to outgoing email: a Message-ID derived from the idempotency key (a resend carries the
 * same id, so receivers and our logs recognise it) and the RFC 8058 one-click unsubscribe pair.
 */
import { createHash } from 'node:crypto';

/** `<hash.huitou@domain>`: stable for one idempotency key, unguessable from outside. */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(`huitou-message-id\u0000${idempotencyKey}`).digest('hex').slice(0, 40);
  return `<${digest}.huitou@${domain}>`;
}

/** The domain part of an address such as `"小兔家居" <shop@example.com>`, or null. */
export function domainOf(address: string): string | null {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  return m === null ? null : m[1]!.toLowerCase();
}

/** Whether `url` is an absolute https URL (RFC 8058 requires HTTPS for one-click). */
export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `List-Unsubscribe` with the HTTPS URL first and an optional mailto, plus `List-Unsubscribe-Post`.
 * Angle brackets and commas are not allowed inside the URIs and are percent-encoded.
 */
export function listUnsubscribeHeaders(httpsUrl: string, mailto: string | null): Record<string, string> {
  const safe = (uri: string): string => uri.replace(/[<>,\s]/g, (c) => encodeURIComponent(c));
  const uris = [`<${safe(httpsUrl)}>`];
  if (mailto !== null) uris.push(`<mailto:${safe(mailto)}${mailto.includes('?') ? '' : '?subject=unsubscribe'}>`);
  return { 'List-Unsubscribe': uris.join(', '), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** Header names nodemailer's DKIM signer covers: its defaults plus List-Unsubscribe-Post (RFC 8058 §4). */
export const DKIM_SIGNED_HEADERS = [
  'From', 'Sender', 'Reply-To', 'Subject', 'Date', 'Message-ID', 'To', 'Cc', 'MIME-Version', 'Content-Type',
  'Content-Transfer-Encoding', 'Content-ID', 'Content-Description', 'In-Reply-To', 'References', 'List-Id',
  'List-Help', 'List-Unsubscribe', 'List-Unsubscribe-Post', 'List-Subscribe', 'List-Post', 'List-Owner', 'List-Archive',
].join(':');
