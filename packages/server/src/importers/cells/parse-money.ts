/**
 * Money cells to integer cents, parsed digit by digit (no float arithmetic, so no drift).
 */

/** A parsed money cell: an amount, an empty cell, or text with no number in front (`无退款申请`). */
export type MoneyParse =
  | { readonly kind: 'amount'; readonly cents: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string };

const EMPTY: MoneyParse = Object.freeze({ kind: 'empty' });

/** Most whole digits of an amount: 999,999,999,999.99 fits the store's DECIMAL(14,2). */
export const MAX_WHOLE_DIGITS = 12;

function isCurrencyOrSpace(c: number): boolean {
  return (
    c === 0x20 || // space
    c === 0x24 || // $
    c === 0xa3 || // £
    c === 0xa5 || // ¥
    c === 0xffe5 || // ￥
    c === 0x20ac || // €
    c === 0x3000 ||
    c === 0xa0 ||
    c === 0x09
  );
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Parses a money cell (already cleaned) into cents. Accepts a currency sign (¥ ￥ $ £ €) before or after
 * the minus sign, `(12.00)` accounting negatives, thousands commas (only in groups of three), up to any
 * number of decimals (rounded half away from zero to cents) and any non-numeric suffix
 * (`499.00（系统计算中，该值仅供参考）`, `12.00元`, `12 USD`).
 * @example parseMoney('￥1,234.5') // { kind: 'amount', cents: 123450 }
 */
export function parseMoney(raw: string): MoneyParse {
  const s = raw;
  const n = s.length;
  let i = 0;
  let negative = false;
  let paren = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isCurrencyOrSpace(c)) i++;
    else if (c === 0x2d /* - */ || c === 0x2212 /* − */) {
      if (negative) break;
      negative = true;
      i++;
    } else if (c === 0x2b /* + */) i++;
    else if (c === 0x28 /* ( */ && !paren) {
      paren = true;
      i++;
    } else break;
  }
  if (i >= n) return n === 0 || s.trim() === '' ? EMPTY : { kind: 'text', text: s };
  let whole = 0;
  let digits = 0;
  let sawDigit = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      whole = whole * 10 + (c - 0x30);
      digits++;
      sawDigit = true;
      i++;
    } else if (c === 0x2c /* , */ && sawDigit && isThousandsGroup(s, i)) {
      i++;
    } else break;
  }
  let frac = 0;
  if (i < n && s.charCodeAt(i) === 0x2e /* . */ && i + 1 < n && isDigit(s.charCodeAt(i + 1))) {
    i++;
    let place = 0;
    let roundUp = false;
    while (i < n && isDigit(s.charCodeAt(i))) {
      const d = s.charCodeAt(i) - 0x30;
      if (place < 2) frac = frac * 10 + d;
      else if (place === 2) roundUp = d >= 5;
      place++;
      sawDigit = true;
      i++;
    }
    if (place === 1) frac *= 10;
    if (roundUp) frac++;
  }
  if (!sawDigit) return { kind: 'text', text: s };
  // The store keeps money as DECIMAL(14,2): more than 12 whole digits cannot be stored (and is never a real
  // order amount: it is an id or a phone pasted into the wrong column). Treated as text, so the row gets a
  // bad_amount issue instead of failing the whole file at the merge.
  if (digits > MAX_WHOLE_DIGITS) return { kind: 'text', text: s };
  // A digit straight after the number means something odd like `12,34` or `1.2.3`.
  if (i < n && (isDigit(s.charCodeAt(i)) || s.charCodeAt(i) === 0x2c || s.charCodeAt(i) === 0x2e)) {
    return { kind: 'text', text: s };
  }
  if (paren && i < n && s.charCodeAt(i) === 0x29) negative = true;
  const cents = whole * 100 + frac;
  return { kind: 'amount', cents: negative && cents !== 0 ? -cents : cents };
}

function isThousandsGroup(s: string, comma: number): boolean {
  for (let k = 1; k <= 3; k++) {
    if (!isDigit(s.charCodeAt(comma + k))) return false;
  }
  return !isDigit(s.charCodeAt(comma + 4));
}

/** Formats cents for messages: 12345 -> '123.45'. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  const frac = a % 100;
  return `${sign}${(a - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}
