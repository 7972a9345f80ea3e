/** Test helpers: temporary files, deleted by the returned cleanup. Not used by production code. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportIssue } from '../import-issue.ts';
import type { SheetRow, TableSource } from './table-source.ts';

export interface TempDir {
  readonly dir: string;
  /** Writes `data` to `name` in the directory and returns its path. */
  write(name: string, data: Uint8Array | string): string;
  remove(): void;
}

/** Makes a fresh directory under os.tmpdir(). */
export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'huitou-read-'));
  return {
    dir,
    write(name, data) {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads every row of a table, collecting issues. */
export async function readAll(table: TableSource): Promise<{ rows: SheetRow[]; issues: ImportIssue[] }> {
  const issues: ImportIssue[] = [];
  const rows: SheetRow[] = [];
  for await (const row of table.rows(issues)) rows.push(row);
  return { rows, issues };
}
