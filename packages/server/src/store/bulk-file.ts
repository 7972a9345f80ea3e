/**
 * Bulk files: rows written to a file in the store's bulk-load text format, for `Db.bulkLoad` to read into a
 * table in one statement (DuckDB: read_csv, parallel and native; PostgreSQL: COPY … FROM). A worker thread can
 * write one without a connection, so the thread that owns the connection only runs the load.
 *
 * Format: UTF-8 CSV, ',' between fields, '\n' after each row, no header; NULL is an empty unquoted field and
 * every text value is quoted ('' is `""`, quotes doubled), so text round-trips exactly; numbers as JavaScript
 * prints them; booleans `true`/`false`; dates (day numbers) as YYYY-MM-DD.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { BulkColumn, BulkWriter } from './database.ts';

const FLUSH_CHARS = 1 << 20;
const DAY_MS = 86_400_000;

/** Appends rows (the BulkWriter contract) to a new bulk file at `path`; `close` flushes and closes it. */
export class BulkFileWriter implements BulkWriter {
  readonly #types: readonly BulkColumn['type'][];
  readonly #fd: number;
  readonly #fields: string[];
  #lines: string[] = [];
  #chars = 0;
  #rows = 0;
  #closed = false;

  constructor(path: string, columns: readonly BulkColumn[]) {
    this.#types = columns.map((c) => c.type);
    this.#fields = columns.map(() => '');
    this.#fd = openSync(path, 'w');
  }

  /** Rows appended so far. */
  get rows(): number {
    return this.#rows;
  }

  appendRow(values: readonly (string | number | boolean | null)[]): void {
    const types = this.#types;
    const fields = this.#fields;
    for (let i = 0; i < types.length; i++) {
      const v = values[i];
      fields[i] = v === null || v === undefined ? '' : field(types[i]!, v);
    }
    const line = fields.join(',');
    this.#lines.push(line);
    this.#chars += line.length;
    this.#rows++;
    if (this.#chars >= FLUSH_CHARS) this.#flush();
  }

  async close(): Promise<void> {
    this.closeSync();
  }

  /** Flushes and closes the file (idempotent). */
  closeSync(): void {
    if (this.#closed) return;
    this.#flush();
    this.#closed = true;
    closeSync(this.#fd);
  }

  #flush(): void {
    if (this.#lines.length === 0) return;
    this.#lines.push('');
    writeSync(this.#fd, this.#lines.join('\n'));
    this.#lines = [];
    this.#chars = 0;
  }
}

function field(type: BulkColumn['type'], v: string | number | boolean): string {
  switch (type) {
    case 'text': {
      const s = typeof v === 'string' ? v : String(v);
      return s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`;
    }
    case 'bool':
      return v === true || v === 1 || v === 'true' ? 'true' : 'false';
    case 'date':
      return isoDay(Number(v));
    default:
      return typeof v === 'number' ? String(v) : String(Number(v));
  }
}

/** YYYY-MM-DD of a day number, memoised (a million rows carry a few thousand distinct days). */
const isoDays = new Map<number, string>();
function isoDay(day: number): string {
  let s = isoDays.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDays.size < 200_000) isoDays.set(day, s);
  }
  return s;
}
