/**
 * Which tables are imported together: each order (or customer) table starts a unit; item and contact tables
 * join the unit of the same format from the same workbook, else from the file whose name carries the same
 * export stamp (ExportOrderList202401011200 ↔ ExportOrderDetailList202401011200), else the first of that
 * format; left alone they form their own unit and attach to orders already stored.
 */
import type { RecognisedTable } from './open-table.ts';

export interface PlannedTable {
  readonly path: string;
  readonly table: RecognisedTable;
}

export interface PlannedUnit {
  readonly tables: PlannedTable[];
}

const isPrimary = (t: RecognisedTable) => t.variant.role !== 'items' && t.variant.role !== 'contacts';

export function groupUnits(tables: readonly PlannedTable[]): PlannedUnit[] {
  const units: PlannedUnit[] = [];
  const primaryUnits: { unit: PlannedUnit; path: string; format: string }[] = [];
  for (const t of tables) {
    if (!isPrimary(t.table)) continue;
    const unit: PlannedUnit = { tables: [t] };
    units.push(unit);
    if (t.table.variant.role !== 'customers') primaryUnits.push({ unit, path: t.path, format: t.table.format.name });
  }
  for (const t of tables) {
    if (isPrimary(t.table)) continue;
    const sameFormat = primaryUnits.filter((p) => p.format === t.table.format.name);
    const target =
      sameFormat.find((p) => p.path === t.path) ??
      sameFormat.find((p) => exportStamp(p.path) !== null && exportStamp(p.path) === exportStamp(t.path)) ??
      sameFormat[0];
    if (target === undefined) units.push({ tables: [t] });
    else target.unit.tables.push(t);
  }
  return units;
}

function exportStamp(path: string): string | null {
  const name = path.split(/[\\/]/).pop() ?? '';
  const m = /(\d{8,14})/.exec(name);
  return m?.[1] ?? null;
}
