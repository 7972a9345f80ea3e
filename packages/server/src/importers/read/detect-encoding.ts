/**
 * Chooses a text file's encoding from its first bytes: byte-order mark first, then strict UTF-8, then GB18030
 * (a superset of GBK), by the fewest undecodable lines. Rejects binary files and empty ones.
 */
import { ImportFileError } from '../import-issue.ts';
import { endOfLastLine, lineRanges, safeCut } from './byte-lines.ts';
import type { TextEncodingName } from './table-source.ts';
import { decodeStrict } from './text-codec.ts';

export interface DetectedEncoding {
  readonly encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
}

const MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a legacy .xls workbook (save it as .xlsx or CSV)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a 7z archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

function bom(prefix: Uint8Array): DetectedEncoding | null {
  if (startsWith(prefix, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8-bom', bomLength: 3 };
  if (startsWith(prefix, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(prefix, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

function garbage(file: string, what: string): ImportFileError {
  return new ImportFileError('binary_garbage', `${file} is not a text or XLSX file (${what}); export it as CSV or XLSX`);
}

function badLineCount(bytes: Uint8Array, enc: TextEncodingName): number {
  if (decodeStrict(bytes, enc) !== null) return 0;
  let bad = 0;
  for (const [s, e] of lineRanges(bytes, enc)) if (decodeStrict(bytes.subarray(s, e), enc) === null) bad++;
  return bad;
}

function controlRatio(text: string): number {
  let ctl = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) ctl++;
  }
  return text.length === 0 ? 0 : ctl / text.length;
}

/**
 * Detects the encoding of a text file from `prefix` (its first bytes; `whole` when that is the entire file).
 * Throws ImportFileError 'empty_file' or 'binary_garbage'.
 */
export function detectEncoding(file: string, prefix: Uint8Array, whole: boolean): DetectedEncoding {
  if (prefix.length === 0) throw new ImportFileError('empty_file', `${file} is empty`);
  for (const [what, sig] of MAGIC) if (startsWith(prefix, sig)) throw garbage(file, `it looks like ${what}`);
  const marked = bom(prefix);
  let body = prefix.subarray(marked?.bomLength ?? 0);
  if (marked === null && body.subarray(0, 1024).includes(0)) throw garbage(file, 'NUL bytes near the start');
  if (!whole) {
    const enc = marked?.encoding ?? 'utf-8';
    const end = endOfLastLine(body, enc);
    const cut = safeCut(body, enc);
    body = body.subarray(0, end > 0 ? end : cut > 0 ? cut : body.length);
  }
  let chosen: DetectedEncoding;
  if (marked !== null) {
    chosen = marked;
  } else {
    const utf8Bad = badLineCount(body, 'utf-8');
    const gbBad = utf8Bad === 0 ? 0 : badLineCount(body, 'gb18030');
    chosen = { encoding: utf8Bad === 0 || utf8Bad <= gbBad ? 'utf-8' : 'gb18030', bomLength: 0 };
    const lines = Math.max(1, [...lineRanges(body, chosen.encoding)].length);
    const bad = Math.min(utf8Bad, gbBad);
    if (bad > 0 && (bad / lines > 0.2 || bad > 1000)) throw garbage(file, 'most of it is neither UTF-8 nor GBK text');
  }
  const text = decodeStrict(body, chosen.encoding) ?? '';
  if (whole && text.trim() === '' && badLineCount(body, chosen.encoding) === 0) {
    throw new ImportFileError('empty_file', `${file} has no content`);
  }
  if (controlRatio(text.slice(0, 65536)) > 0.01) throw garbage(file, 'it is full of control characters');
  return chosen;
}
