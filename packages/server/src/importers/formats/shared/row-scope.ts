/**
 * Per-table helper for mappers: resolves columns once, then reads, cleans and parses the cells of the
 * current row, reporting problems as issues (file, physical line, column header, code, message).
 */
import type { MapContext, MapSink } from '../format-definition.ts';
import type { ImportIssueCode, IssueSeverity } from '../../import-issue.ts';
import type { SheetRow } from '../../read/table-source.ts';
import { cleanCell } from '../../cells/clean-cell.ts';
import { checkOrderId } from '../../cells/order-id.ts';
import { parseMoney } from '../../cells/parse-money.ts';
import { parseTime } from '../../cells/parse-time.ts';
import { ColumnUse, registerColumnUse } from './column-use.ts';
import type { Col, ColumnName } from './columns.ts';
import { describeName, indexHeader, resolveCol } from './columns.ts';

const NO_ROW: SheetRow = { line: 0, cells: [] };

/** How a money cell that holds only text (`无退款申请`) is treated. */
export type MoneyMode = 'required' | 'optional' | 'refund';

/** Reads the current row of one table. Create one per createMapper call. */
export class RowScope {
  readonly ctx: MapContext;
  readonly #index: ReadonlyMap<string, number>;
  readonly #missing: string[] = [];
  readonly #unknownStatuses = new Set<string>();
  #row: SheetRow = NO_ROW;
  #sink: MapSink | null = null;
  /** Columns resolved and read, for column projection (see column-use.ts). */
  readonly #use = new ColumnUse();

  constructor(header: readonly string[], ctx: MapContext) {
    this.ctx = ctx;
    this.#index = indexHeader(header);
    registerColumnUse(this.#use);
  }

  /** Resolves an optional column. */
  col(name: ColumnName): Col {
    const c = resolveCol(this.#index, name);
    this.#use.note(c.index);
    return c;
  }

  /** Resolves a required column; an absent one is listed by `missing()`. */
  req(name: ColumnName): Col {
    const c = resolveCol(this.#index, name);
    if (c.index < 0) this.#missing.push(describeName(name));
    this.#use.note(c.index);
    return c;
  }

  /** Required columns not found, or null when all are there. */
  missing(): { readonly missing: readonly string[] } | null {
    return this.#missing.length > 0 ? { missing: [...this.#missing] } : null;
  }

  /** Starts a row. */
  start(row: SheetRow, sink: MapSink): void {
    this.#row = row;
    this.#sink = sink;
  }

  /** Physical line of the current row. */
  get line(): number {
    return this.#row.line;
  }

  /** True when every cell of the row is empty (trailing blank lines, spacer rows). */
  blank(): boolean {
    for (const c of this.#row.cells) if (cleanCell(c) !== '') return false;
    return true;
  }

  /** The cleaned text of a cell; '' when the column is absent. */
  text(col: Col): string {
    if (col.index < 0) return '';
    this.#use.check(col.index);
    const raw = this.#row.cells[col.index];
    return raw === undefined ? '' : cleanCell(raw);
  }

  /** Reports an issue on the current row. */
  issue(col: Col | null, code: ImportIssueCode, severity: IssueSeverity, message: string): void {
    const base = { file: this.ctx.file, line: this.#row.line, code, severity, message };
    this.#sink?.issue(col === null ? base : { ...base, column: col.name });
  }

  /** The order id of the row, or null after reporting why it is unusable. */
  orderId(col: Col): string | null {
    const r = checkOrderId(this.text(col), col.name);
    if (r.ok) return r.id;
    this.issue(col, r.code, 'error', r.message);
    return null;
  }

  /**
   * A money cell in cents. `required`: empty or text -> error, returns undefined (skip the row).
   * `optional`: empty -> null, text -> warning and null. `refund`: empty or text (`无退款申请`) -> 0.
   */
  money(col: Col, mode: MoneyMode): number | null | undefined {
    const t = this.text(col);
    const r = parseMoney(t);
    if (r.kind === 'amount') return r.cents;
    if (mode === 'refund') return 0;
    if (mode === 'optional') {
      if (r.kind === 'text') this.issue(col, 'bad_amount', 'warning', `${col.name} "${t}" is not an amount; ignored`);
      return null;
    }
    this.issue(col, 'bad_amount', 'error', r.kind === 'empty' ? `${col.name} is empty` : `${col.name} "${t}" is not an amount`);
    return undefined;
  }

  /**
   * A timestamp cell in epoch ms. Required: empty or bad -> error, returns undefined. Optional: empty ->
   * null, bad -> warning and null.
   */
  time(col: Col, required: boolean): number | null | undefined {
    const t = this.text(col);
    if (t === '') {
      if (!required) return null;
      this.issue(col, 'bad_date', 'error', `${col.name} is empty`);
      return undefined;
    }
    const ms = parseTime(t, this.ctx.timeZone);
    if (ms !== null) return ms;
    this.issue(col, 'bad_date', required ? 'error' : 'warning', `${col.name} "${t}" is not a date`);
    return required ? undefined : null;
  }

  /** A quantity cell: integer (a `.0` float is accepted); empty -> `fallback`; bad -> warning and fallback. */
  quantity(col: Col, fallback = 1): number {
    const t = this.text(col);
    if (t === '') return fallback;
    const n = Number(t);
    if (Number.isInteger(n)) return n;
    this.issue(col, 'bad_quantity', 'warning', `${col.name} "${t}" is not a whole number; using ${fallback}`);
    return fallback;
  }

  /** Reports an unrecognised status once per distinct text per table (warning). */
  unknownStatus(col: Col, text: string): void {
    if (this.#unknownStatuses.has(text)) return;
    this.#unknownStatuses.add(text);
    this.issue(col, 'unknown_status', 'warning', `${col.name} "${text}" is not a known status; imported as unknown (reported once)`);
  }
}
