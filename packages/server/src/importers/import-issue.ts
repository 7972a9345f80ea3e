/**
 * A problem found while importing, kept as data: the batch goes on and reports every issue at the end.
 * `line` is the physical line in the file (1-based; for XLSX the sheet row number), `column` the header name.
 */
export type ImportIssueCode =
  | 'undecodable_bytes'
  | 'line_too_long'
  | 'unterminated_quote'
  | 'file_too_large'
  | 'empty_file'
  | 'header_only'
  | 'unknown_format'
  | 'missing_column'
  | 'bad_xlsx'
  | 'xlsx_too_large'
  | 'binary_garbage'
  | 'missing_order_id'
  | 'order_id_scientific'
  | 'missing_customer'
  | 'bad_date'
  | 'bad_amount'
  | 'bad_quantity'
  | 'unknown_status'
  | 'orphan_line'
  | 'duplicate_order_row'
  | 'field_count'
  | 'masked_key';

export type IssueSeverity = 'error' | 'warning';

export interface ImportIssue {
  readonly file: string;
  readonly line: number;
  readonly column?: string;
  readonly code: ImportIssueCode;
  readonly severity: IssueSeverity;
  readonly message: string;
}

/** A whole-file failure: nothing of the file is written. Thrown by readers, caught at the batch boundary. */
export class ImportFileError extends Error {
  readonly code: ImportIssueCode;
  readonly line: number;
  constructor(code: ImportIssueCode, message: string, line = 0) {
    super(message);
    this.name = 'ImportFileError';
    this.code = code;
    this.line = line;
  }
}
