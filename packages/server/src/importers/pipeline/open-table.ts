/**
 * Opens the tables of a file and recognises each one: reads the first rows, normalises the header and asks
 * the formats which one it is (or takes the format the user named).
 */
import { normalizeHeaders } from '../cells/normalize-header.ts';
import type { FormatDefinition, TableVariant } from '../formats/format-definition.ts';
import { detectFormat } from '../formats/index.ts';
import type { ImportIssue } from '../import-issue.ts';
import { ImportFileError } from '../import-issue.ts';
import type { RowProjection, SheetRow, TableSource } from '../read/table-source.ts';

const PEEK_ROWS = 5;

export interface RecognisedTable {
  readonly source: TableSource;
  readonly format: FormatDefinition;
  readonly variant: TableVariant;
  /** Normalised header cells; empty for headerless files. */
  readonly header: readonly string[];
  /** Rows already read (after the header), then the rest of the iterator. */
  readonly rows: AsyncIterable<SheetRow>;
  /** Issues the reader reports while rows are read. */
  readonly readerIssues: ImportIssue[];
  /** True when the table has no data row. */
  readonly empty: boolean;
  /** Column projection handed to the reader; the pipeline sets it once the mapper is known. */
  readonly projection: RowProjection;
  /** Stops reading and releases the file (for a table that another thread reads instead). */
  close(): Promise<void>;
}

/** Reads the head of a table and recognises it; null when the sheet is empty. Throws ImportFileError when unknown. */
/**
 * `columnMap` (canonical name → the file's header, from `--map FILE`) is applied for detection only: the
 * mapped canonical names are added to the header the formats see, so a file whose columns are all named
 * differently is still recognised; the mapper itself reads the original header through the same map.
 */
export async function recogniseTable(
  source: TableSource,
  forced: FormatDefinition | null,
  columnMap: Readonly<Record<string, string>> | null = null,
): Promise<RecognisedTable | null> {
  const readerIssues: ImportIssue[] = [];
  const projection: RowProjection = { columns: null };
  const iterator = source.rows(readerIssues, projection)[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  while (head.length < PEEK_ROWS) {
    const next = await iterator.next();
    if (next.done === true) break;
    head.push(next.value);
  }
  const first = head[0];
  if (first === undefined) {
    // No row survived: when the reader dropped rows (a 10 MB line, undecodable bytes), say that, not "empty".
    const dropped = readerIssues[0];
    if (dropped !== undefined) throw new ImportFileError(dropped.code, dropped.message, dropped.line);
    return null;
  }
  const firstRawLines = head.map((r) => r.cells.join(','));
  const header = normalizeHeaders(first.cells);
  const found = pick(withMappedNames(header, columnMap), firstRawLines, forced);
  if (found === null) {
    const where = source.sheet === null ? source.file : `${source.file} [${source.sheet}]`;
    throw new ImportFileError(
      'unknown_format',
      `${where}: the header does not match any known export (${header.slice(0, 6).join(',')}…); use --format NAME or --map FILE`,
      first.line,
    );
  }
  const headerless = found.format.sniffHeaderless?.(firstRawLines) === true;
  const buffered = headerless ? head : head.slice(1);
  return {
    source,
    format: found.format,
    variant: found.variant,
    header: headerless ? [] : header,
    rows: chain(buffered, iterator),
    readerIssues,
    empty: buffered.length === 0,
    projection,
    close: async () => {
      await iterator.return?.();
    },
  };
}

function withMappedNames(header: readonly string[], columnMap: Readonly<Record<string, string>> | null): readonly string[] {
  if (columnMap === null) return header;
  const present = new Set(header);
  const mapped = Object.entries(columnMap)
    .filter(([canonical, source]) => present.has(normalizeHeaders([source])[0] ?? source) && !present.has(canonical))
    .map(([canonical]) => canonical);
  return mapped.length === 0 ? header : [...header, ...mapped];
}

function pick(
  header: readonly string[],
  firstRawLines: readonly string[],
  forced: FormatDefinition | null,
): { format: FormatDefinition; variant: TableVariant } | null {
  if (forced === null) return detectFormat(header, firstRawLines);
  let best: { variant: TableVariant; score: number } | null = null;
  for (const variant of forced.variants) {
    const score = variant.match(header);
    if (score > 0 && (best === null || score > best.score)) best = { variant, score };
  }
  if (best === null && forced.sniffHeaderless?.(firstRawLines) === true && forced.variants[0] !== undefined) {
    best = { variant: forced.variants[0], score: 1 };
  }
  return best === null ? null : { format: forced, variant: best.variant };
}

async function* chain(buffered: readonly SheetRow[], rest: AsyncIterator<SheetRow>): AsyncIterable<SheetRow> {
  yield* buffered;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}
