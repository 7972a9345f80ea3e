/**
 * How many billed segments an SMS takes. A message that fits the GSM-7 alphabet is one segment up to 160
 * septets and 153 per part beyond (extension characters such as `€ [ ] { } ~ ^ | \` take two septets);
 * anything else is UCS-2: one segment up to 70 UTF-16 units and 67 per part beyond. Chinese providers
 * (Aliyun, Tencent) count the 【签名】 and the opt-out phrase they append as part of the text, so
 * {@link billedSmsText} builds the text they bill before counting. Since 【】 are outside GSM-7, every
 * signed domestic message is UCS-2, which matches the providers' published 70/67 rule.
 */

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';
const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export const GSM7_SINGLE = 160;
export const GSM7_PART = 153;
export const UCS2_SINGLE = 70;
export const UCS2_PART = 67;

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSegmentCount {
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number;
  readonly segments: number;
}

/** `gsm7` when every character is in the GSM 03.38 basic or extension table, else `ucs2`. */
export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) {
    if (!BASIC.has(ch) && !EXTENSION.has(ch)) return 'ucs2';
  }
  return 'gsm7';
}

/** Segments of exactly this text (no signature added). Empty text is 0 segments. */
export function countSmsSegments(text: string): SmsSegmentCount {
  const encoding = smsEncoding(text);
  let units = 0;
  if (encoding === 'gsm7') {
    for (const ch of text) units += EXTENSION.has(ch) ? 2 : 1;
  } else {
    units = text.length;
  }
  const single = encoding === 'gsm7' ? GSM7_SINGLE : UCS2_SINGLE;
  const part = encoding === 'gsm7' ? GSM7_PART : UCS2_PART;
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / part);
  return { encoding, units, segments };
}

export interface BilledTextParts {
  /** The approved signature without brackets, e.g. `回头客示范店`; null when the provider adds none. */
  readonly signName: string | null;
  readonly body: string;
  /** The opt-out phrase the provider appends to marketing SMS (e.g. `拒收请回复R`); null for none. */
  readonly optOutText: string | null;
}

/** The text the provider bills: 【signature】 + body + opt-out phrase (each only if not already present). */
export function billedSmsText(parts: BilledTextParts): string {
  let text = parts.body;
  if (parts.signName !== null && parts.signName !== '') {
    const bracketed = `【${parts.signName}】`;
    if (!text.startsWith(bracketed) && !text.endsWith(bracketed)) text = bracketed + text;
  }
  if (parts.optOutText !== null && parts.optOutText !== '' && !text.includes(parts.optOutText)) text += parts.optOutText;
  return text;
}

/** Cost in cents: segments × per-segment cost (kept fractional; round where money is booked). */
export function smsCostCents(segments: number, costPerSegmentCents: number): number {
  return segments * costPerSegmentCents;
}
