/**
 * Builds CanonicalContact values from raw cells: phones split into usable / masked, regions split from
 * the address when the format has no separate province/city/district columns.
 */
import type { CanonicalContact } from '../../canonical.ts';
import { normalizeEmail } from '../../cells/buyer-key.ts';
import { normalizePhone } from '../../cells/phone.ts';
import { splitRegion } from '../../cells/region.ts';

/** Raw contact parts; empty strings mean absent. */
export interface ContactParts {
  readonly name?: string;
  readonly phone?: string;
  /** Second phone cell tried when the first is empty or masked (联系电话 after 联系手机). */
  readonly phone2?: string;
  readonly email?: string;
  readonly address?: string;
  readonly province?: string;
  readonly city?: string;
  readonly district?: string;
  readonly birthday?: string;
}

/** A contact with nothing known. */
export const EMPTY_CONTACT: CanonicalContact = Object.freeze({
  name: null,
  phone: null,
  phoneMasked: null,
  email: null,
  province: null,
  city: null,
  district: null,
  birthday: null,
});

function orNull(s: string | undefined): string | null {
  return s === undefined || s === '' || s.includes('*') ? null : s;
}

/** Builds a contact; the masked-phone rule lives in normalizePhone. */
export function buildContact(p: ContactParts): CanonicalContact {
  const first = normalizePhone(p.phone ?? '');
  const second = first.phone === null && p.phone2 !== undefined ? normalizePhone(p.phone2) : null;
  const phone = first.phone ?? second?.phone ?? null;
  const masked = first.masked ?? second?.masked ?? null;
  let province = orNull(p.province);
  let city = orNull(p.city);
  let district = orNull(p.district);
  if (province === null && city === null && district === null && p.address !== undefined && p.address !== '') {
    const r = splitRegion(p.address);
    province = r.province;
    city = r.city;
    district = r.district;
  }
  const name = p.name === undefined || p.name === '' ? null : p.name;
  return {
    name,
    phone,
    phoneMasked: phone === null ? masked : null,
    email: normalizeEmail(p.email),
    province,
    city,
    district,
    birthday: normalizeBirthday(p.birthday),
  };
}

/** `YYYY-MM-DD` from `YYYY-M-D`, `YYYY/M/D` or `YYYYMMDD`; null otherwise. */
export function normalizeBirthday(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})/.exec(raw.trim());
  if (m === null) return null;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
