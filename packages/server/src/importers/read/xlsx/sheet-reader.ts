/**
 * Streams a worksheet's rows from its inflated XML. Cells without `r` follow the previous one, gaps are filled
 * with '', rows are padded to the width of the first row (trailing empty cells are not stored in XLSX), and rows
 * whose cells are all empty (formatting only) are skipped. `line` is the sheet row number.
 */
import { ImportFileError } from '../../import-issue.ts';
import type { SheetRow } from '../table-source.ts';
import { isoDateText, numberText, serialToText } from './cell-value.ts';
import type { StyleDateKinds } from './styles.ts';
import { attr, decodeEntities, XmlScanner } from './xml-scan.ts';
import type { XmlHandler } from './xml-scan.ts';

export interface SheetContext {
  readonly file: string;
  readonly sheet: string;
  readonly sharedStrings: readonly string[];
  readonly styles: StyleDateKinds;
  readonly date1904: boolean;
  readonly maxRows: number;
}

/** Zero-based column index of a cell reference like `AB12`; -1 when it has no letters. */
export function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

class SheetHandler implements XmlHandler {
  readonly #ctx: SheetContext;
  readonly out: SheetRow[] = [];
  wantText = false;
  #inSheetData = false;
  #rowNum = 0;
  #rowCount = 0;
  #width = -1;
  #cells: string[] = [];
  #col = -1;
  #type = 'n';
  #style = 0;
  #value = '';
  #inline = '';
  #inIs = false;
  #phonetic = 0;
  #collecting: 'v' | 't' | null = null;

  constructor(ctx: SheetContext) {
    this.#ctx = ctx;
  }

  open(name: string, s: string, a: number, b: number, selfClosing: boolean): void {
    const file = this.#ctx.file;
    if (name === 'c') {
      if (!this.#inSheetData) return;
      const ref = attr(s, a, b, 'r', file);
      const col = ref === null ? -1 : columnIndex(ref);
      this.#col = col >= 0 ? col : this.#col + 1;
      this.#type = attr(s, a, b, 't', file) ?? 'n';
      const style = attr(s, a, b, 's', file);
      this.#style = style === null ? 0 : Number(style);
      this.#value = '';
      this.#inline = '';
      if (selfClosing) this.#place('');
    } else if (name === 'v') {
      if (!selfClosing) this.#collect('v');
    } else if (name === 't') {
      if (this.#inIs && this.#phonetic === 0 && !selfClosing) this.#collect('t');
    } else if (name === 'row') {
      if (!this.#inSheetData) return;
      const r = attr(s, a, b, 'r', file);
      const num = r === null ? NaN : Number(r);
      this.#rowNum = Number.isInteger(num) && num > 0 ? num : this.#rowNum + 1;
      this.#cells = [];
      this.#col = -1;
      if (selfClosing) this.#endRow();
    } else if (name === 'is') {
      this.#inIs = !selfClosing;
    } else if (name === 'rPh') {
      if (!selfClosing) this.#phonetic++;
    } else if (name === 'sheetData') {
      this.#inSheetData = !selfClosing;
    }
  }

  close(name: string): void {
    if (name === 'v' || name === 't') {
      this.#collecting = null;
      this.wantText = false;
    } else if (name === 'c') {
      if (this.#inSheetData) this.#place(this.#cellText());
    } else if (name === 'row') {
      if (this.#inSheetData) this.#endRow();
    } else if (name === 'is') {
      this.#inIs = false;
    } else if (name === 'rPh') {
      this.#phonetic = Math.max(0, this.#phonetic - 1);
    } else if (name === 'sheetData') {
      this.#inSheetData = false;
    }
  }

  text(raw: string, cdata: boolean): void {
    const t = cdata ? raw : decodeEntities(raw, this.#ctx.file);
    if (this.#collecting === 'v') this.#value += t;
    else this.#inline += t;
  }

  #collect(what: 'v' | 't'): void {
    this.#collecting = what;
    this.wantText = true;
  }

  #bad(why: string): ImportFileError {
    return new ImportFileError('bad_xlsx', `${this.#ctx.file}, sheet ${this.#ctx.sheet}, row ${this.#rowNum}: ${why}`, this.#rowNum);
  }

  #cellText(): string {
    const v = this.#value;
    switch (this.#type) {
      case 's': {
        const str = this.#ctx.sharedStrings[Number(v)];
        if (str === undefined) throw this.#bad(`shared string ${v} does not exist`);
        return str;
      }
      case 'inlineStr':
        return this.#inline !== '' ? this.#inline : v;
      case 'str':
      case 'e':
        return v;
      case 'b':
        return v === '' ? '' : v === '0' ? 'FALSE' : 'TRUE';
      case 'd':
        return isoDateText(v);
      default: {
        if (v === '') return '';
        const kind = this.#ctx.styles[this.#style];
        if (kind !== undefined && kind !== null) {
          const text = serialToText(Number(v), kind, this.#ctx.date1904);
          if (text !== null) return text;
        }
        return numberText(v);
      }
    }
  }

  #place(text: string): void {
    const cells = this.#cells;
    if (this.#col > 16383) throw this.#bad('column beyond XFD');
    while (cells.length < this.#col) cells.push('');
    cells[this.#col] = text;
  }

  #endRow(): void {
    const cells = this.#cells;
    this.#cells = [];
    if (!cells.some((c) => c !== '')) return;
    if (++this.#rowCount > this.#ctx.maxRows) {
      throw new ImportFileError('xlsx_too_large', `${this.#ctx.file}, sheet ${this.#ctx.sheet}: more than ${this.#ctx.maxRows} rows`, this.#rowNum);
    }
    if (this.#width < 0) this.#width = cells.length;
    while (cells.length < this.#width) cells.push('');
    this.out.push({ line: this.#rowNum, cells });
  }
}

/** Parses a sheet's XML, given as a stream of inflated UTF-8 bytes, into batches of rows. */
export async function* sheetRowBatches(xml: AsyncIterable<Uint8Array>, ctx: SheetContext): AsyncGenerator<SheetRow[]> {
  const handler = new SheetHandler(ctx);
  const scanner = new XmlScanner(handler, ctx.file);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const feed = (text: string, final: boolean): SheetRow[] => {
    scanner.feed(text, final);
    return handler.out.splice(0, handler.out.length);
  };
  for await (const bytes of xml) {
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw new ImportFileError('bad_xlsx', `${ctx.file}, sheet ${ctx.sheet}: the sheet XML is not valid UTF-8`);
    }
    const rows = feed(text, false);
    if (rows.length > 0) yield rows;
  }
  const rows = feed('', true);
  if (rows.length > 0) yield rows;
}
