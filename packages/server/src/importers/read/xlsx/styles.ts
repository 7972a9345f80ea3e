/** Which cell styles (xl/styles.xml cellXfs) display dates, from built-in and custom number formats. */
import { dateKindOfBuiltin, dateKindOfFormat } from './cell-value.ts';
import type { DateKind } from './cell-value.ts';
import { attr, XmlScanner } from './xml-scan.ts';
import type { XmlHandler } from './xml-scan.ts';

/** Date kind per style index (the `s` attribute of a cell); null entries are not dates. */
export type StyleDateKinds = readonly (DateKind | null)[];

/** Parses styles.xml into the date kind of every cellXfs entry. */
export function parseStyles(xml: string, file: string): StyleDateKinds {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  const handler: XmlHandler = {
    wantText: false,
    open(name, s, a, b, selfClosing) {
      if (name === 'numFmt') {
        const id = Number(attr(s, a, b, 'numFmtId', file));
        const code = attr(s, a, b, 'formatCode', file);
        if (Number.isInteger(id) && code !== null) custom.set(id, code);
      } else if (name === 'cellXfs') {
        inCellXfs = !selfClosing;
      } else if (name === 'xf' && inCellXfs) {
        xfFormats.push(Number(attr(s, a, b, 'numFmtId', file) ?? 0));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  };
  new XmlScanner(handler, file).feed(xml, true);
  return xfFormats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? dateKindOfFormat(code) : dateKindOfBuiltin(id);
  });
}
