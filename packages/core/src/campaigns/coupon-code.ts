/**
 * Unique coupon codes per recipient, derived (not stored-then-looked-up) from
 * HMAC-SHA-256(secret, "huitou-coupon-v1\n" + campaign key + "\n" + occurrence key + "\n" + customer id),
 * so planning twice yields the same code and nobody can guess another customer's code without the
 * shop's secret. Alphabet of 32 characters without 0/O/1/I; 11 characters (55 bits) from the MAC
 * plus one Luhn mod 32 check character, which catches every single-character typo and most swaps of
 * neighbours. Shown grouped as `XXXX-XXXX-XXXX`; input is normalised (case, spaces, hyphens).
 */
import { hmacSha256 } from './sha256.ts';

/** The code alphabet: digits 2–9 and A–Z without I and O. */
export const COUPON_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Characters in a code, check character included. */
export const COUPON_CODE_LENGTH = 12;

const N = COUPON_ALPHABET.length;

/** What a code is derived from. */
export interface CouponCodeInput {
  readonly campaignKey: string;
  readonly occurrenceKey: string;
  readonly customerId: string | number;
  /** The shop's coupon secret (keep it out of logs; rotating it changes every future code). */
  readonly secret: string | Uint8Array;
}

function luhnSum(values: readonly number[], startFactor: number): number {
  let factor = startFactor;
  let sum = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    const addend = factor * values[i]!;
    sum += Math.floor(addend / N) + (addend % N);
    factor = factor === 2 ? 1 : 2;
  }
  return sum % N;
}

/** The check character for a payload of alphabet indexes (Luhn mod N). */
function checkValue(payload: readonly number[]): number {
  return (N - luhnSum(payload, 2)) % N;
}

/** The recipient's code, 12 characters without separators. */
export function couponCode(input: CouponCodeInput): string {
  const mac = hmacSha256(input.secret, `huitou-coupon-v1\n${input.campaignKey}\n${input.occurrenceKey}\n${String(input.customerId)}`);
  // 11 × 5 bits from the first 7 bytes.
  let bits = 0n;
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(mac[i]!);
  const payload: number[] = [];
  for (let i = 0; i < COUPON_CODE_LENGTH - 1; i++) payload.push(Number((bits >> BigInt(51 - i * 5)) & 31n));
  payload.push(checkValue(payload));
  return payload.map((v) => COUPON_ALPHABET[v]).join('');
}

/** Upper-cases and strips spaces and hyphens. */
export function normalizeCouponCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]+/g, '');
}

/** `XXXX-XXXX-XXXX` for display. */
export function formatCouponCode(code: string): string {
  return normalizeCouponCode(code).replace(/(.{4})(?=.)/g, '$1-');
}

/** Whether text is a syntactically valid code (length, alphabet, check character); catches typos without the secret. */
export function isWellFormedCouponCode(text: string): boolean {
  const code = normalizeCouponCode(text);
  if (code.length !== COUPON_CODE_LENGTH) return false;
  const values: number[] = [];
  for (const ch of code) {
    const v = COUPON_ALPHABET.indexOf(ch);
    if (v < 0) return false;
    values.push(v);
  }
  return luhnSum(values, 1) === 0;
}

/** Whether `text` is exactly the code issued for `input` (constant-time comparison). */
export function verifyCouponCode(text: string, input: CouponCodeInput): boolean {
  const code = normalizeCouponCode(text);
  if (!isWellFormedCouponCode(code)) return false;
  const expected = couponCode(input);
  let diff = 0;
  for (let i = 0; i < COUPON_CODE_LENGTH; i++) diff |= code.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}
