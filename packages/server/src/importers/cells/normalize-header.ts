/**
 * Header (and status text) normalisation: exports disagree on full-width vs half-width punctuation
 * (`商品总价（元）` vs `商品总价(元)`, `买家已付款，等待卖家发货` vs `…,…`) and on stray spaces.
 */

const WIDTH_MAP: Readonly<Record<string, string>> = {
  '（': '(',
  '）': ')',
  '，': ',',
  '：': ':',
  '；': ';',
  '！': '!',
  '？': '?',
  '【': '[',
  '】': ']',
  '［': '[',
  '］': ']',
  '／': '/',
  '－': '-',
  '＿': '_',
  '＋': '+',
  '＊': '*',
  '　': ' ',
  '\u00a0': ' ',
  '\t': ' ',
  '\r': ' ',
  '\n': ' ',
};

function needsWork(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e || c < 0x21) return true;
  }
  return false;
}

/**
 * Trims, unifies full-width punctuation with its ASCII twin, removes a BOM and collapses runs of
 * whitespace to one space. Idempotent.
 * @example normalizeHeader(' 商品总价（元） ') // '商品总价(元)'
 */
export function normalizeHeader(raw: string): string {
  if (!needsWork(raw)) return raw;
  let out = '';
  let pendingSpace = false;
  for (const ch of raw) {
    if (ch === '\ufeff') continue;
    const mapped = WIDTH_MAP[ch] ?? ch;
    if (mapped === ' ' || (mapped.length === 1 && mapped.charCodeAt(0) < 0x20)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += mapped;
  }
  return out;
}

/** Normalises every cell of a header row. */
export function normalizeHeaders(header: readonly string[]): string[] {
  return header.map(normalizeHeader);
}
