/** Collects import issues: all go to the store, the first few are kept in memory for the report. */
import type { BulkWriter } from '../../store/database.ts';
import type { ImportIssue } from '../import-issue.ts';

export const ISSUE_COLUMNS = [
  { name: 'batch_id', type: 'int' },
  { name: 'file', type: 'text' },
  { name: 'line', type: 'int' },
  { name: 'column_name', type: 'text' },
  { name: 'code', type: 'text' },
  { name: 'severity', type: 'text' },
  { name: 'message', type: 'text' },
] as const;

export class IssueSink {
  errors = 0;
  warnings = 0;
  readonly kept: ImportIssue[] = [];
  readonly #writer: BulkWriter;
  readonly #batchId: number;
  readonly #keep: number;

  constructor(writer: BulkWriter, batchId: number, keep = 200) {
    this.#writer = writer;
    this.#batchId = batchId;
    this.#keep = keep;
  }

  add(issue: ImportIssue): void {
    if (issue.severity === 'error') this.errors++;
    else this.warnings++;
    if (this.kept.length < this.#keep) this.kept.push(issue);
    this.#writer.appendRow([
      this.#batchId, issue.file, issue.line, issue.column ?? null, issue.code, issue.severity, issue.message,
    ]);
  }

  close(): Promise<void> {
    return this.#writer.close();
  }
}
