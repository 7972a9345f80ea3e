/**
 * Byte-level line handling for the text encodings we read. In UTF-8 and GB18030 the byte 0x0A only ever means
 * '\n' (no multi-byte sequence contains it), and in UTF-16 a newline is one aligned 2-byte unit, so a buffer can
 * be cut after a newline without splitting a character.
 */
import type { TextEncodingName } from './table-source.ts';

/** True for the UTF-16 encodings, whose code units are two bytes. */
export function isUtf16(enc: TextEncodingName): boolean {
  return enc === 'utf-16le' || enc === 'utf-16be';
}

/** Index just after the last newline in `bytes`, or -1 if there is none. */
export function endOfLastLine(bytes: Uint8Array, enc: TextEncodingName): number {
  if (!isUtf16(enc)) {
    const i = bytes.lastIndexOf(0x0a);
    return i < 0 ? -1 : i + 1;
  }
  const le = enc === 'utf-16le';
  for (let i = (bytes.length & ~1) - 2; i >= 0; i -= 2) {
    if (le ? bytes[i] === 0x0a && bytes[i + 1] === 0 : bytes[i] === 0 && bytes[i + 1] === 0x0a) return i + 2;
  }
  return -1;
}

/**
 * A cut point in a buffer with no newline (a giant line) that splits no character: for UTF-8 before a lead byte,
 * for UTF-16 an even offset not after a high surrogate, for GB18030 after a byte below 0x30 (never a trail byte).
 * Returns -1 when no safe point is found (the caller reads more, or at some size decodes the chunk as is).
 */
export function safeCut(bytes: Uint8Array, enc: TextEncodingName): number {
  const n = bytes.length;
  if (isUtf16(enc)) {
    let cut = n & ~1;
    if (cut < 2) return -1;
    const hiIndex = enc === 'utf-16le' ? cut - 1 : cut - 2;
    const hi = bytes[hiIndex];
    if (hi !== undefined && hi >= 0xd8 && hi <= 0xdb) cut -= 2;
    return cut > 0 ? cut : -1;
  }
  if (enc === 'gb18030') {
    for (let i = n - 1; i >= Math.max(0, n - 65536); i--) if (bytes[i]! < 0x30) return i + 1;
    return -1;
  }
  for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
    const b = bytes[i]!;
    if (b < 0x80) return i + 1;
    if (b >= 0xc0) return i > 0 ? i : -1;
  }
  return -1;
}

/** Splits `bytes` into lines, each keeping its newline; yields [start, end) byte ranges. */
export function* lineRanges(bytes: Uint8Array, enc: TextEncodingName): Generator<[number, number]> {
  let start = 0;
  if (!isUtf16(enc)) {
    while (start < bytes.length) {
      const nl = bytes.indexOf(0x0a, start);
      const end = nl < 0 ? bytes.length : nl + 1;
      yield [start, end];
      start = end;
    }
    return;
  }
  const le = enc === 'utf-16le';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (le ? bytes[i] === 0x0a && bytes[i + 1] === 0 : bytes[i] === 0 && bytes[i + 1] === 0x0a) {
      yield [start, i + 2];
      start = i + 2;
    }
  }
  if (start < bytes.length) yield [start, bytes.length];
}
