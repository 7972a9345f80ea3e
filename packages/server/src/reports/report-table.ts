/** A report as data: typed columns with Chinese and English headers, rendered by the CLI, JSON and XLSX. */
export type ColumnKind = 'text' | 'int' | 'money' | 'percent' | 'number' | 'date';

export interface ReportColumn {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly kind: ColumnKind;
}

export type Cell = string | number | null;

export interface ReportTable {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Rows as objects keyed by column key, for JSON output. */
export function tableRecords(table: ReportTable): Record<string, Cell>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.key, row[i] ?? null])));
}

/** Terminal text of a cell. */
export function formatCell(kind: ColumnKind, v: Cell): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  switch (kind) {
    case 'money':
      return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'percent':
      return `${(100 * v).toFixed(1)}%`;
    case 'int':
      return Math.round(v).toLocaleString('en-US');
    case 'number':
      return v.toFixed(1);
    default:
      return String(v);
  }
}
