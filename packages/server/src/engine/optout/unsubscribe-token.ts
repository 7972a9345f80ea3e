/**
 * Email unsubscribe links: /u/<token>, where the token names the shop and the address and is signed
 * (HMAC-SHA256), so nobody can unsubscribe someone else by guessing URLs and no login or cookie is needed
 * (RFC 8058 one-click).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function unsubscribeToken(secret: string, shopId: number, email: string): string {
  const payload = Buffer.from(JSON.stringify([shopId, email])).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): { shopId: number; email: string } | null {
  const [payload, signature] = token.split('.');
  if (payload === undefined || signature === undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') return { shopId: value[0], email: value[1] };
  } catch {
    return null;
  }
  return null;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe\n${payload}`).digest('base64url').slice(0, 32);
}
