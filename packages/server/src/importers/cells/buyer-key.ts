/**
 * Buyer key choice (formats doc §10): platform id > email > unmasked phone > normalised address >
 * anonymous key scoped to the order. A masked phone is never a key.
 */
import type { BuyerKey } from '../canonical.ts';
import { isMaskedPhone } from './phone.ts';
import { normalizeHeader } from './normalize-header.ts';

/** What a mapper knows about the buyer of one order; every field is optional. */
export interface BuyerKeyInput {
  readonly platformId?: string | null;
  readonly email?: string | null;
  /** A normalised, unmasked phone (see normalizePhone). Masked values are ignored defensively. */
  readonly phone?: string | null;
  /** Raw address text; normalised here. */
  readonly address?: string | null;
  /** Order number for the anonymous fallback. */
  readonly orderNo: string;
}

/** Shortest normalised address accepted as a key; shorter ones (a bare province) would merge strangers. */
export const MIN_ADDRESS_KEY_LENGTH = 6;

/** Lower-cases and trims an email; null unless it looks like `x@y`. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const e = raw.trim().toLowerCase();
  const at = e.indexOf('@');
  return at > 0 && at < e.length - 1 && !e.includes(' ') ? e : null;
}

/**
 * Normalises an address for use as a key: unifies punctuation width, removes all whitespace and cuts the
 * masked tail at the first `*`. Returns null when what is left is too short to identify anyone.
 * @example normalizeAddressKey('江苏省 南京市 建邺区 沙洲街道****') // '江苏省南京市建邺区沙洲街道'
 */
export function normalizeAddressKey(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  let s = normalizeHeader(raw).replace(/\s+/g, '');
  const star = s.indexOf('*');
  if (star >= 0) s = s.slice(0, star);
  s = s.replace(/[,;:.-]+$/, '');
  return s.length >= MIN_ADDRESS_KEY_LENGTH ? s : null;
}

/**
 * Picks the buyer key by the §10 preference order.
 * @example chooseBuyerKey({ phone: '13800000000', orderNo: '1' }) // { kind: 'phone', value: '13800000000' }
 */
export function chooseBuyerKey(input: BuyerKeyInput): BuyerKey {
  const id = input.platformId?.trim();
  if (id !== undefined && id !== '') return { kind: 'platform_id', value: id };
  const email = normalizeEmail(input.email);
  if (email !== null) return { kind: 'email', value: email };
  const phone = input.phone;
  if (phone !== null && phone !== undefined && phone !== '' && !isMaskedPhone(phone)) {
    return { kind: 'phone', value: phone };
  }
  const address = normalizeAddressKey(input.address);
  if (address !== null) return { kind: 'address', value: address };
  return anonymousKey(input.orderNo);
}

/** The anonymous key of one order (`order:<no>`): the order counts, but never as a repeat purchase. */
export function anonymousKey(orderNo: string): BuyerKey {
  return { kind: 'anonymous', value: `order:${orderNo}` };
}
