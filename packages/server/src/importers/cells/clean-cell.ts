/**
 * Cell cleaning shared by every format: export tools wrap values to force text in Excel, and some write
 * the literal word `null` for empty cells. Runs on every cell of huge files, so the common path (a plain
 * value) only looks at the first and last character.
 */

const SPACE_MAX = 32;

function isSpace(code: number): boolean {
  // ASCII whitespace/control chars, NBSP, ideographic space, BOM.
  return code <= SPACE_MAX || code === 0xa0 || code === 0x3000 || code === 0xfeff;
}

/**
 * Cleans one raw cell: trims whitespace (incl. trailing `\t`), strips an Excel formula-text wrapper
 * `="…"`, a leading `'`, and maps `null` / `'null` / `NULL` to the empty string.
 * @example cleanCell('="5118000000000000001"') // '5118000000000000001'
 */
export function cleanCell(raw: string): string {
  const n = raw.length;
  if (n === 0) return raw;
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(n - 1);
  // Fast path: nothing to trim, no wrapper, no quote, cannot be "null".
  if (!isSpace(first) && !isSpace(last) && first !== 0x3d /* = */ && first !== 0x27 /* ' */ && n !== 4) {
    return raw;
  }
  return cleanSlow(raw);
}

function cleanSlow(raw: string): string {
  let s = trimAll(raw);
  if (s.length >= 3 && s.charCodeAt(0) === 0x3d && s.charCodeAt(1) === 0x22 && s.charCodeAt(s.length - 1) === 0x22) {
    s = trimAll(s.slice(2, -1));
  } else if (s.length >= 2 && s.charCodeAt(0) === 0x3d && s.charCodeAt(1) === 0x22) {
    // `="123` with the closing quote eaten by a CSV reader.
    s = trimAll(s.slice(2));
  }
  if (s.charCodeAt(0) === 0x27) s = trimAll(s.slice(1));
  if (s.length === 4 && (s === 'null' || s === 'NULL' || s === 'Null')) return '';
  return s;
}

function trimAll(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * True when `cleanCell(s.slice(start, end))` would be '' — without making the substring. Readers use it for
 * cells nobody asked for (column projection), which only need to be known blank or not.
 */
export function cleansToEmpty(s: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  if (b - a >= 2 && s.charCodeAt(a) === 0x3d && s.charCodeAt(a + 1) === 0x22) {
    if (b - a >= 3 && s.charCodeAt(b - 1) === 0x22) b--;
    a += 2;
    while (a < b && isSpace(s.charCodeAt(a))) a++;
    while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  }
  if (a < b && s.charCodeAt(a) === 0x27) {
    a++;
    while (a < b && isSpace(s.charCodeAt(a))) a++;
    while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  }
  if (b - a === 4) {
    const w = s.slice(a, b);
    return w === 'null' || w === 'NULL' || w === 'Null';
  }
  return a === b;
}
