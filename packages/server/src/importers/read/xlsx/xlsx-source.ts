/**
 * An XLSX workbook as TableSources, one per sheet in tab order. Workbook, rels, styles and shared strings are
 * read up front (bounded by the inflate budget); each sheet's XML is inflated and parsed lazily, as a stream,
 * every time its rows are iterated.
 */
import { ImportFileError } from '../../import-issue.ts';
import type { ImportIssue } from '../../import-issue.ts';
import { rowsFromBatches } from '../row-batches.ts';
import type { ReadLimits, SheetRow, TableSource } from '../table-source.ts';
import { parseSharedStrings } from './shared-strings.ts';
import { sheetRowBatches } from './sheet-reader.ts';
import { parseStyles } from './styles.ts';
import type { StyleDateKinds } from './styles.ts';
import { parseRels, parseWorkbook, resolveTarget } from './workbook.ts';
import { ZipArchive } from './zip-reader.ts';
import type { InflateBudget } from './zip-reader.ts';

const OFFICE_DOCUMENT = /\/officeDocument$/;

async function readText(zip: ZipArchive, name: string, budget: InflateBudget): Promise<string | null> {
  const entry = zip.entries.get(name);
  if (entry === undefined) return null;
  const bytes = await zip.read(entry, budget);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError('bad_xlsx', `${zip.file}: ${name} is not valid UTF-8 XML`);
  }
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

interface Workbook {
  readonly sheets: readonly { readonly name: string; readonly path: string }[];
  readonly sharedStrings: readonly string[];
  readonly styles: StyleDateKinds;
  readonly date1904: boolean;
}

async function readWorkbook(zip: ZipArchive, budget: InflateBudget): Promise<Workbook> {
  const file = zip.file;
  const rootRels = await readText(zip, '_rels/.rels', budget);
  let wbPath = 'xl/workbook.xml';
  if (rootRels !== null) {
    for (const rel of parseRels(rootRels, file).values()) {
      if (!OFFICE_DOCUMENT.test(rel.type)) continue;
      const resolved = resolveTarget('', rel.target);
      if (resolved !== null && zip.entries.has(resolved)) wbPath = resolved;
    }
  }
  const wbXml = await readText(zip, wbPath, budget);
  if (wbXml === null) throw new ImportFileError('bad_xlsx', `${file} is a zip file but not an XLSX workbook (no ${wbPath})`);
  const wb = parseWorkbook(wbXml, file);
  const dir = dirOf(wbPath);
  const relsXml = await readText(zip, `${dir === '' ? '' : `${dir}/`}_rels/${wbPath.slice(dir.length + (dir === '' ? 0 : 1))}.rels`, budget);
  const rels = relsXml === null ? new Map<string, { target: string; type: string }>() : parseRels(relsXml, file);
  let sstPath: string | null = null;
  let stylesPath: string | null = null;
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/sharedStrings')) sstPath = resolveTarget(dir, rel.target);
    if (rel.type.endsWith('/styles')) stylesPath = resolveTarget(dir, rel.target);
  }
  const sheets: { name: string; path: string }[] = [];
  wb.sheets.forEach((s, i) => {
    const rel = rels.get(s.relId);
    const fallback = `${dir}/worksheets/sheet${i + 1}.xml`;
    const path = rel === undefined ? fallback : resolveTarget(dir, rel.target);
    if (path !== null && zip.entries.has(path)) sheets.push({ name: s.name, path });
  });
  if (sheets.length === 0) throw new ImportFileError('bad_xlsx', `${file} has no readable worksheets`);
  const sstXml = await readText(zip, sstPath ?? `${dir}/sharedStrings.xml`, budget);
  const stylesXml = await readText(zip, stylesPath ?? `${dir}/styles.xml`, budget);
  return {
    sheets,
    sharedStrings: sstXml === null ? [] : parseSharedStrings(sstXml, file),
    styles: stylesXml === null ? [] : parseStyles(stylesXml, file),
    date1904: wb.date1904,
  };
}

/**
 * Opens an XLSX workbook. Throws 'bad_xlsx' (corrupt zip, not a workbook, DOCTYPE/entities) or 'xlsx_too_large'
 * (inflate caps) for the parts read up front; sheets throw the same while their rows are read.
 */
export async function openXlsx(path: string, file: string, limits: ReadLimits): Promise<TableSource[]> {
  const budget: InflateBudget = { file, maxInflatedBytes: limits.maxInflatedBytes, maxInflateRatio: limits.maxInflateRatio, spent: 0 };
  const zip = await ZipArchive.open(path, file);
  let wb: Workbook;
  try {
    wb = await readWorkbook(zip, budget);
  } finally {
    await zip.close();
  }
  const metaSpent = budget.spent;
  const highWater = new Map<number, number>();
  const spentBy = (except: number): number => {
    let total = metaSpent;
    for (const [i, n] of highWater) if (i !== except) total += n;
    return total;
  };
  return wb.sheets.map((sheet, index): TableSource => {
    async function* batches(): AsyncGenerator<SheetRow[]> {
      const archive = await ZipArchive.open(path, file);
      try {
        const entry = archive.entries.get(sheet.path);
        if (entry === undefined) throw new ImportFileError('bad_xlsx', `${file}: sheet ${sheet.name} has disappeared`);
        let produced = 0;
        const counted = async function* (): AsyncGenerator<Uint8Array> {
          for await (const chunk of archive.stream(entry, budget, spentBy(index))) {
            produced += chunk.length;
            highWater.set(index, Math.max(highWater.get(index) ?? 0, produced));
            yield chunk;
          }
        };
        yield* sheetRowBatches(counted(), {
          file,
          sheet: sheet.name,
          sharedStrings: wb.sharedStrings,
          styles: wb.styles,
          date1904: wb.date1904,
          maxRows: limits.maxRows,
        });
      } finally {
        await archive.close();
      }
    }
    return {
      file,
      sheet: sheet.name,
      encoding: 'xlsx',
      rows(_issues: ImportIssue[]): AsyncIterable<SheetRow> {
        return rowsFromBatches(batches);
      },
    };
  });
}
