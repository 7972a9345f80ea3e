/** The shared-strings table (xl/sharedStrings.xml): one string per `<si>`, rich-text runs joined, phonetic runs dropped. */
import { decodeEntities, XmlScanner } from './xml-scan.ts';
import type { XmlHandler } from './xml-scan.ts';

/** Parses sharedStrings.xml text into its strings, in index order. */
export function parseSharedStrings(xml: string, file: string): string[] {
  const strings: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let raw: string[] = [];
  const handler: XmlHandler = {
    get wantText() {
      return inT;
    },
    open(name, _s, _a, _b, selfClosing) {
      if (name === 'si') {
        inSi = !selfClosing;
        raw = [];
        if (selfClosing) strings.push('');
      } else if (name === 'rPh') {
        if (!selfClosing) phonetic++;
      } else if (name === 't' && inSi && phonetic === 0 && !selfClosing) {
        inT = true;
      }
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si' && inSi) {
        strings.push(raw.join(''));
        inSi = false;
      }
    },
    text(t, cdata) {
      raw.push(cdata ? t : decodeEntities(t, file));
    },
  };
  new XmlScanner(handler, file).feed(xml, true);
  return strings;
}
