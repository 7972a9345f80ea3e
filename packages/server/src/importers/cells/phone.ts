/**
 * Phone numbers: normalised for keys (digits; `+` kept for non-Chinese E.164), and masked phones
 * (`138****1234`, `1******6198`, `186******05`) recognised so they are kept for display only.
 */

/** A phone cell split into a usable number and/or a masked display value. */
export interface PhoneInfo {
  /** Normalised full number, or null when absent, masked or not a phone. */
  readonly phone: string | null;
  /** The masked value as given (spaces removed), or null. */
  readonly masked: string | null;
}

const NONE: PhoneInfo = Object.freeze({ phone: null, masked: null });

/** True when the value hides digits with `*` (or the full-width `＊`). */
export function isMaskedPhone(value: string): boolean {
  return value.includes('*') || value.includes('＊');
}

/**
 * Normalises a phone cell (already cleaned). Chinese numbers lose a `+86`/`0086`/`86` prefix and keep
 * their 11 digits (mobiles) or area code + number (landlines, dash removed); other numbers starting with
 * `+` or `00` keep a leading `+`. Fewer than 5 digits is not a phone.
 * @example normalizePhone('+86 138-0000-0000') // { phone: '13800000000', masked: null }
 */
export function normalizePhone(raw: string): PhoneInfo {
  if (raw === '') return NONE;
  if (isMaskedPhone(raw)) return { phone: null, masked: raw.replace(/\s+/g, '') };
  let s = raw;
  // Several numbers in one cell: keep the first.
  const sep = s.search(/[,;/，；、]/);
  if (sep > 0) s = s.slice(0, sep);
  // Drop an extension.
  const ext = s.search(/(ext\.?|x|转)\s*\d+$/i);
  if (ext > 0) s = s.slice(0, ext);
  let plus = false;
  let digits = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits += s[i];
    else if (c >= 0xff10 && c <= 0xff19) digits += String.fromCharCode(c - 0xff10 + 0x30);
    else if ((c === 0x2b || c === 0xff0b) && digits === '') plus = true;
    else if (c === 0x20 || c === 0x2d || c === 0x28 || c === 0x29 || c === 0x2e || c === 0xa0) continue;
    else return NONE;
  }
  if (!plus && digits.startsWith('00')) {
    plus = true;
    digits = digits.slice(2);
  }
  if (plus && digits.startsWith('86')) return finishCn(digits.slice(2));
  if (plus) return digits.length >= 7 ? { phone: `+${digits}`, masked: null } : NONE;
  if (digits.length === 13 && digits.startsWith('861')) return finishCn(digits.slice(2));
  return finishCn(digits);
}

function finishCn(digits: string): PhoneInfo {
  return digits.length >= 5 ? { phone: digits, masked: null } : NONE;
}
