/**
 * A small streaming XML tokenizer for the SpreadsheetML parts. Hand-written rather than saxes: a sheet of 100k
 * rows × 44 columns has ~20M tags, and indexOf scanning with no per-attribute objects is several times faster
 * than a general SAX parser. It is deliberately not a full XML parser: no DTDs at all (any `<!DOCTYPE` or
 * `<!ENTITY` is rejected, which shuts out XXE and billion-laughs), only the five predefined entities and
 * character references, namespace prefixes dropped from element names.
 */
import { ImportFileError } from '../../import-issue.ts';

export interface XmlHandler {
  /** When true, text between tags is passed to `text`. */
  readonly wantText: boolean;
  /** An element opened; `s.slice(attrStart, attrEnd)` holds its attributes. */
  open(name: string, s: string, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text (entities still encoded) or CDATA content (`cdata` true). */
  text(raw: string, cdata: boolean): void;
}

function badXml(file: string, why: string): ImportFileError {
  return new ImportFileError('bad_xlsx', `${file}: ${why}`);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; any other entity is an error. */
export function decodeEntities(raw: string, file: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw badXml(file, 'malformed entity reference');
    const ref = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.startsWith('#x') || ref.startsWith('#X')) ch = codePoint(parseInt(ref.slice(2), 16));
    else if (ref.startsWith('#')) ch = codePoint(parseInt(ref.slice(1), 10));
    else ch = Object.hasOwn(ENTITIES, ref) ? ENTITIES[ref] : undefined;
    if (ch === undefined) throw badXml(file, `entity &${ref}; is not allowed (no DTD entities are read)`);
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

function codePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Value of attribute `name` (exact, including any prefix) in `s[start, end)`, entity-decoded; null if absent. */
export function attr(s: string, start: number, end: number, name: string, file: string): string | null {
  let i = s.indexOf(name, start);
  while (i >= 0 && i < end) {
    const before = s.charCodeAt(i - 1);
    const eq = i + name.length;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && s.charCodeAt(eq) === 61) {
      const q = s[eq + 1];
      if (q !== '"' && q !== "'") return null;
      const close = s.indexOf(q, eq + 2);
      if (close < 0 || close > end) return null;
      return decodeEntities(s.slice(eq + 2, close), file);
    }
    i = s.indexOf(name, i + 1);
  }
  return null;
}

const NAMES = new Map<string, string>();
function intern(s: string, a: number, b: number): string {
  // Short element names are interned so the sheet loop does not allocate a string per tag.
  if (b - a === 1) {
    const c = s[a]!;
    return c;
  }
  const name = s.slice(a, b);
  const hit = NAMES.get(name);
  if (hit !== undefined) return hit;
  if (NAMES.size < 512) NAMES.set(name, name);
  return name;
}

/** Incremental scanner: feed text, it calls the handler for every complete token and keeps the rest. */
export class XmlScanner {
  readonly #handler: XmlHandler;
  readonly #file: string;
  #rest = '';

  constructor(handler: XmlHandler, file: string) {
    this.#handler = handler;
    this.#file = file;
  }

  /** Scans `chunk` (and the unfinished token kept from before); `final` at end of input. */
  feed(chunk: string, final: boolean): void {
    const s = this.#rest.length === 0 ? chunk : this.#rest + chunk;
    const h = this.#handler;
    const n = s.length;
    let p = 0;
    while (p < n) {
      const lt = s.indexOf('<', p);
      if (lt < 0) {
        if (h.wantText && !final) break;
        if (h.wantText) h.text(s.slice(p), false);
        p = n;
        break;
      }
      if (lt > p && h.wantText) h.text(s.slice(p, lt), false);
      p = lt;
      const c = s.charCodeAt(lt + 1);
      if (c === 33 /* ! */ || c === 63 /* ? */) {
        const next = this.#special(s, lt, c);
        if (next < 0) break;
        p = next;
        continue;
      }
      const end = tagEnd(s, lt + 1);
      if (end < 0) break;
      if (c === 47 /* / */) {
        h.close(localName(s, lt + 2, end));
      } else {
        const selfClosing = s.charCodeAt(end - 1) === 47;
        let ne = lt + 1;
        while (ne < end) {
          const k = s.charCodeAt(ne);
          if (k === 32 || k === 47 || k === 9 || k === 10 || k === 13) break;
          ne++;
        }
        h.open(localName(s, lt + 1, ne), s, ne, selfClosing ? end - 1 : end, selfClosing);
      }
      p = end + 1;
    }
    this.#rest = p >= n ? '' : s.slice(p);
    if (final && this.#rest.trim() !== '') throw badXml(this.#file, 'XML ends inside a tag');
    if (this.#rest.length > 64 * 1024 * 1024) throw badXml(this.#file, 'an XML token is larger than 64 MiB');
  }

  /** Comments, CDATA, processing instructions; DOCTYPE and anything else starting `<!` is refused. */
  #special(s: string, lt: number, c: number): number {
    if (c === 63) {
      const e = s.indexOf('?>', lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      if (e < 0) return -1;
      if (this.#handler.wantText) this.#handler.text(s.slice(lt + 9, e), true);
      return e + 3;
    }
    if (s.length - lt < 9) return -1; // maybe a comment or CDATA cut by the chunk end
    throw badXml(this.#file, 'the workbook XML declares a DOCTYPE or entities, which are refused (XXE / entity expansion)');
  }
}

function localName(s: string, a: number, b: number): string {
  let end = b;
  while (end > a) {
    const k = s.charCodeAt(end - 1);
    if (k === 32 || k === 9 || k === 10 || k === 13 || k === 47) end--;
    else break;
  }
  const colon = s.indexOf(':', a);
  return intern(s, colon >= 0 && colon < end ? colon + 1 : a, end);
}

/** Index of the '>' closing the tag whose name starts at `p`, skipping quoted attribute values; -1 if incomplete. */
function tagEnd(s: string, p: number): number {
  const n = s.length;
  for (let k = p; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c === 62) return k;
    if (c === 34 || c === 39) {
      k = s.indexOf(c === 34 ? '"' : "'", k + 1);
      if (k < 0) return -1;
    }
  }
  return -1;
}
