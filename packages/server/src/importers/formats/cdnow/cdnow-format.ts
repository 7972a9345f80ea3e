/**
 * CDNOW purchase logs (role orders_with_items). Whitespace-separated, not CSV, so the reader gives each
 * line as a single cell and this mapper splits it. Two shapes, told apart per row by the column count:
 * - master: `customer date cds dollars` (4 columns; a copy adds the header ` customer_id  date
 *   number_of_cds  dollar_value`, which is recognised by match() and skipped if seen as a row);
 * - sample: `master_id sample_id date cds dollars` (5 columns, no header; see sniffHeaderless). The
 *   master id is the customer, so the two files key customers alike.
 * There are no order ids: `<customer>-<yyyymmdd>-<seq>` where seq (1-based) counts that customer-day's
 * rows in file order. The dollar value is the order amount (one line per order, quantity = CDs). Rows
 * with a zero dollar value are kept as completed orders of amount 0 (they are real rows of the log;
 * analyses that want paying orders filter on amount), not dropped.
 */
import type { FormatDefinition, TableVariant } from '../format-definition.ts';
import { parseMoney } from '../../cells/parse-money.ts';
import { parseTime } from '../../cells/parse-time.ts';
import { EMPTY_CONTACT } from '../shared/contact.ts';
import { makeLine, makeOrder } from '../shared/order-builder.ts';

const HEADER_TOKENS = ['customer_id', 'date', 'number_of_cds', 'dollar_value'];
const COLUMN = { name: 'line' };

function tokens(line: string): string[] {
  return line.trim().split(/\s+/).filter((t) => t !== '');
}

function isNumeric(t: string): boolean {
  return t !== '' && !Number.isNaN(Number(t));
}

/** True when `line` is a CDNOW data line (4 or 5 numeric columns with a YYYYMMDD date). */
export function isCdnowLine(line: string): boolean {
  const t = tokens(line);
  if (t.length !== 4 && t.length !== 5) return false;
  if (!t.every(isNumeric)) return false;
  const date = t[t.length - 3] ?? '';
  return date.length === 8 && (date.startsWith('19') || date.startsWith('20'));
}

/** CDNOW master / sample log. */
export const cdnowLog: TableVariant = {
  id: 'cdnow-log',
  role: 'orders_with_items',
  match(header) {
    const cells = header.length === 1 ? tokens(header[0] ?? '') : header.map((h) => h.trim());
    return cells.length === 4 && cells.every((c, i) => c === HEADER_TOKENS[i]) ? 40 : 0;
  },
  createMapper(_header, ctx) {
    const perDay = new Map<string, number>();
    return {
      map(row, sink) {
        const text = row.cells.join(' ');
        const t = tokens(text);
        if (t.length === 0) return;
        if (t[0] === HEADER_TOKENS[0]) return;
        const issue = (message: string): void => sink.issue({ file: ctx.file, line: row.line, column: COLUMN.name, code: 'field_count', severity: 'error', message });
        if ((t.length !== 4 && t.length !== 5) || !t.every(isNumeric)) {
          issue(`"${text.trim()}" is not a CDNOW line (4 or 5 numbers)`);
          return;
        }
        const off = t.length - 4;
        const customer = t[0] ?? '';
        const date = t[1 + off] ?? '';
        const cds = Number(t[2 + off]);
        const money = parseMoney(t[3 + off] ?? '');
        const time = parseTime(date, ctx.timeZone);
        if (time === null) {
          sink.issue({ file: ctx.file, line: row.line, column: 'date', code: 'bad_date', severity: 'error', message: `date "${date}" is not a date` });
          return;
        }
        if (money.kind !== 'amount') {
          sink.issue({ file: ctx.file, line: row.line, column: 'dollar_value', code: 'bad_amount', severity: 'error', message: `dollar_value "${t[3 + off] ?? ''}" is not an amount` });
          return;
        }
        const dayKey = `${customer}-${date}`;
        const seq = (perDay.get(dayKey) ?? 0) + 1;
        perDay.set(dayKey, seq);
        const orderNo = `${dayKey}-${seq}`;
        const quantity = Number.isInteger(cds) ? cds : 1;
        sink.order(
          makeOrder(
            { orderNo, line: row.line, buyer: { kind: 'platform_id', value: customer }, orderTime: time, status: 'completed', rawStatus: '' },
            { contact: EMPTY_CONTACT, amountCents: money.cents, itemCount: quantity },
          ),
        );
        sink.line(makeLine({ orderNo, line: row.line, quantity }, { amountCents: money.cents }));
      },
      finish() {},
    };
  },
};

/** The CDNOW format definition. */
export const cdnowFormat: FormatDefinition = {
  name: 'cdnow',
  platform: 'cdnow',
  variants: [cdnowLog],
  sniffHeaderless: (lines) => {
    const data = lines.filter((l) => l.trim() !== '').slice(0, 20);
    return data.length > 0 && data.every(isCdnowLine);
  },
};
