/**
 * Test support (pure, no I/O): parse the CDNOW 1/10 sample text (master id, sample id,
 * YYYYMMDD, CDs, dollars) into sorted transaction columns, and the lifetimes summary CSV.
 * Tests read the files with node:fs and pass the text in.
 */
import { dayNumberFromCompact } from '../summary/day-number.ts';
import type { TransactionColumns } from '../summary/rfm-summary.ts';

/** Parse CDNOW_sample.txt; customer index = sample id − 1. */
export function parseCdnowSample(text: string): TransactionColumns {
  const rows: [number, number, number][] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    rows.push([Number(f[1]) - 1, dayNumberFromCompact(Number(f[2])), Number(f[4])]);
  }
  rows.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return {
    customer: Int32Array.from(rows, (r) => r[0]),
    day: Int32Array.from(rows, (r) => r[1]),
    amount: Float64Array.from(rows, (r) => r[2]),
  };
}

/** Parse cdnow_customers_summary_with_transactions.csv (ID, x, t_x, T, zbar). */
export function parseCdnowSummaryCsv(text: string): { x: Float64Array; tx: Float64Array; T: Float64Array; zbar: Float64Array } {
  const lines = text.split(/\r?\n/).slice(1).filter((l) => l.trim() !== '');
  const col = (j: number): Float64Array => Float64Array.from(lines, (l) => Number(l.split(',')[j]));
  return { x: col(1), tx: col(2), T: col(3), zbar: col(4) };
}
