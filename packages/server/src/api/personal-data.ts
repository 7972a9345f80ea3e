/**
 * Personal data in responses: every phone, name, nick, e-mail, buyer key, birthday and message address a
 * route returns goes through here. Operators and owners see them whole; analysts see 138****1234, 张*,
 * a***@x.com (PIPL art. 51: least exposure for staff who do not need the full value). The response filter in
 * auth/mask-filter.ts is the safety net under this, not a replacement.
 *
 * Search: analysts may search customers by customer id only. A free-text search over phones or names would
 * let them confirm a full number or name by trying it, masking or not.
 */
import type { Principal } from './access.ts';
import { seesPersonalData } from './access.ts';
import { maskPhonesInText } from './auth/mask-filter.ts';
import { maskPhone } from '../engine/channels/task-list/phone-mask.ts';

export interface PersonalData {
  /** True when the caller sees personal data unmasked. */
  readonly whole: boolean;
  phone(v: string | null): string | null;
  name(v: string | null): string | null;
  email(v: string | null): string | null;
  /** A buyer key or identity of the given kind (phone, email, platform id / nick, …). */
  key(kind: string, v: string): string;
  /** A message address on a channel (sms: phone, email: address). */
  address(channel: string, v: string | null): string | null;
  /** Birthdays are hidden from analysts altogether. */
  birthday(v: string | null): string | null;
  /** Free text that may quote a phone number (a message body, an error). */
  text(v: string | null): string | null;
}

export function personalDataFor(principal: Principal): PersonalData {
  return seesPersonalData(principal) ? WHOLE : MASKED;
}

const same = <T>(v: T): T => v;

const WHOLE: PersonalData = {
  whole: true, phone: same, name: same, email: same, key: (_kind, v) => v, address: (_c, v) => v, birthday: same, text: same,
};

const MASKED: PersonalData = {
  whole: false,
  phone: (v) => (v === null ? null : maskPhone(v)),
  name: (v) => (v === null ? null : maskName(v)),
  email: (v) => (v === null ? null : maskEmail(v)),
  key: (kind, v) => (kind === 'phone' || kind === 'mobile' ? maskPhone(v) : kind === 'email' ? maskEmail(v) : maskName(v)),
  address: (channel, v) => (v === null ? null : channel === 'email' || v.includes('@') ? maskEmail(v) : channel === 'sms' ? maskPhone(v) : maskName(v)),
  birthday: () => null,
  text: (v) => (v === null ? null : maskPhonesInText(v)),
};

/** 张三 → 张*, 欧阳娜娜 → 欧*, alice → a*: the first character and one star (the length is not revealed). */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? '' : `${first}*`;
}

/** alice@example.com → a***@example.com; anything without an @ is masked like a name. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskName(email);
  return `${[...email][0] ?? ''}***${email.slice(at)}`;
}

/** The identity fields of a customer row, masked as the caller may see them. */
export function maskIdentity<T extends { keyKind: string; keyValue: string; nick: string | null; name: string | null; phone: string | null; email: string | null }>(
  row: T,
  pd: PersonalData,
): T {
  if (pd.whole) return row;
  return { ...row, keyValue: pd.key(row.keyKind, row.keyValue), nick: pd.name(row.nick), name: pd.name(row.name), phone: pd.phone(row.phone), email: pd.email(row.email) };
}
