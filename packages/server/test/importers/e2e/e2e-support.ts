/**
 * Helpers for the end-to-end importer tests: a fresh store, files written to a temp dir, importFiles with
 * defaults, and the stored tables read back the way a seller sees them (money in yuan, times as epoch ms).
 * All people, phones and emails in these tests are invented (张三, 13800000000, example.com).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { importFiles } from '../../../src/importers/pipeline/run-import.ts';
import type { ImportReport, ImportRequest } from '../../../src/importers/pipeline/run-import.ts';
import type { Db } from '../../../src/store/database.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { ensureShop } from '../../../src/store/repositories/shop.repository.ts';

export interface TestStore {
  readonly db: Db;
  readonly shopId: number;
  /** importFiles with this store's shop; `over` replaces any request field. */
  import(files: readonly string[], over?: Partial<Omit<ImportRequest, 'shopId' | 'files'>>): Promise<ImportReport>;
  close(): void;
}

/** A migrated store (in memory unless `path` is given) with one shop in Asia/Shanghai. */
export async function openTestStore(path = ':memory:'): Promise<TestStore> {
  const db = await openStore({ path });
  const shop = await ensureShop(db, 'e2e', 'Asia/Shanghai');
  return {
    db,
    shopId: shop.shopId,
    import: (files, over = {}) =>
      importFiles(db, { shopId: shop.shopId, timeZone: 'Asia/Shanghai', files, format: null, strict: false, columnMap: null, ...over }),
    close: () => db.close(),
  };
}

/** Encodings a fixture can be written in. */
export type FixtureEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'gb18030' | 'utf-16le-bom';

/** Encodes text for a fixture file. */
export function encodeText(text: string, encoding: FixtureEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gbk':
      return iconv.encode(text, 'gbk');
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
}

/** Writes `data` (text is encoded, UTF-8 by default) to dir/name and returns the path. */
export function writeFixture(dir: string, name: string, data: string | Uint8Array, encoding: FixtureEncoding = 'utf-8'): string {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? encodeText(data, encoding) : data);
  return path;
}

/** Quotes a CSV cell when it needs it (RFC 4180). Cells like `="123"` are written as they are. */
function csvCell(cell: string): string {
  if (cell.startsWith('="')) return cell;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** CSV text from rows (header first), CRLF line ends by default, with a final line end. */
export function csvText(rows: readonly (readonly string[])[], eol = '\r\n'): string {
  return rows.map((r) => r.map(csvCell).join(',')).join(eol) + eol;
}

/** Builds rows from a header and records keyed by header name; absent keys are empty cells. */
export function rowsOf(header: readonly string[], records: readonly Readonly<Record<string, string>>[]): string[][] {
  return [[...header], ...records.map((r) => header.map((h) => r[h.trim()] ?? r[h] ?? ''))];
}

/** Epoch ms of a wall time in China (UTC+8). */
export function cst(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h - 8, mi, s);
}

export interface StoredOrder {
  readonly order_no: string;
  readonly platform: string;
  readonly status: string;
  readonly raw_status: string;
  readonly amount: number;
  readonly refund: number;
  readonly discount: number | null;
  readonly shipping: number | null;
  readonly item_count: number | null;
  readonly titles: string | null;
  readonly coupon_code: string | null;
  readonly province: string | null;
  readonly city: string | null;
  readonly order_ms: number;
  readonly paid_ms: number | null;
  readonly key_kind: string;
  readonly key_value: string;
  readonly customer_id: number;
}

/** Every stored order with its customer's key, by order number. */
export async function storedOrders(db: Db): Promise<Map<string, StoredOrder>> {
  const rows = await db.all<StoredOrder & Record<string, unknown>>(
    `SELECT o.order_no, o.platform, o.status, o.raw_status, CAST(o.amount AS DOUBLE) amount, CAST(o.refund AS DOUBLE) refund,
            CAST(o.discount AS DOUBLE) discount, CAST(o.shipping AS DOUBLE) shipping, o.item_count, o.titles, o.coupon_code,
            o.province, o.city, epoch_ms(o.order_time) order_ms, epoch_ms(o.paid_time) paid_ms,
            c.key_kind, c.key_value, o.customer_id
     FROM orders o JOIN customers c ON c.customer_id = o.customer_id ORDER BY o.order_no`,
  );
  return new Map(rows.map((r) => [r.order_no, r]));
}

/** The stored order `no`, or throws. */
export function orderOf(orders: ReadonlyMap<string, StoredOrder>, no: string): StoredOrder {
  const o = orders.get(no);
  if (o === undefined) throw new Error(`order ${no} is not stored; stored: ${[...orders.keys()].join(', ')}`);
  return o;
}

export interface StoredLine {
  readonly order_no: string;
  readonly line_seq: number;
  readonly line_id: string | null;
  readonly sku: string | null;
  readonly title: string | null;
  readonly quantity: number;
  readonly unit_price: number | null;
  readonly amount: number | null;
  readonly refund: number;
  readonly status: string | null;
}

/** Every stored line, in order number and line order. */
export async function storedLines(db: Db, orderNo?: string): Promise<StoredLine[]> {
  return db.all<StoredLine & Record<string, unknown>>(
    `SELECT order_no, line_seq, line_id, sku, title, quantity, CAST(unit_price AS DOUBLE) unit_price,
            CAST(amount AS DOUBLE) amount, CAST(refund AS DOUBLE) refund, status
     FROM order_lines ${orderNo === undefined ? '' : 'WHERE order_no = $1'} ORDER BY order_no, line_seq`,
    orderNo === undefined ? [] : [orderNo],
  );
}

export interface StoredCustomer {
  readonly customer_id: number;
  readonly key_kind: string;
  readonly key_value: string;
  readonly nick: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly phone_masked: string | null;
  readonly email: string | null;
  readonly province: string | null;
  readonly city: string | null;
  readonly district: string | null;
  readonly birthday: string | null;
  readonly accepts_email: boolean | null;
  readonly accepts_sms: boolean | null;
  readonly tags: string | null;
}

/** Every stored customer, by `key_kind:key_value`. */
export async function storedCustomers(db: Db): Promise<Map<string, StoredCustomer>> {
  const rows = await db.all<StoredCustomer & Record<string, unknown>>(
    `SELECT customer_id, key_kind, key_value, nick, name, phone, phone_masked, email, province, city, district,
            CAST(birthday AS VARCHAR) birthday, accepts_email, accepts_sms, tags
     FROM customers ORDER BY customer_id`,
  );
  return new Map(rows.map((r) => [`${r.key_kind}:${r.key_value}`, r]));
}

/** Stored issues as [file, line, column, code, severity] tuples, ordered by file and line. */
export async function storedIssues(db: Db, batchId?: number): Promise<[string, number, string | null, string, string][]> {
  const rows = await db.all<{ file: string; line: number; column_name: string | null; code: string; severity: string }>(
    `SELECT file, line, column_name, code, severity FROM import_issues ${batchId === undefined ? '' : 'WHERE batch_id = $1'}
     ORDER BY file, line, code`,
    batchId === undefined ? [] : [batchId],
  );
  return rows.map((r) => [r.file, r.line, r.column_name, r.code, r.severity]);
}

/** Row counts of the data tables. */
export async function tableCounts(db: Db): Promise<{ orders: number; lines: number; customers: number; batches: number }> {
  const rows = await db.all<{ orders: number; lines: number; customers: number; batches: number }>(
    `SELECT (SELECT count(*) FROM orders) orders, (SELECT count(*) FROM order_lines) lines,
            (SELECT count(*) FROM customers) customers, (SELECT count(*) FROM import_batches) batches`,
  );
  const r = rows[0];
  if (r === undefined) throw new Error('no counts');
  return r;
}

/** Imports `files` again and returns what changed: new / updated orders and new customers, and whether stored orders moved. */
export async function reimport(store: TestStore, files: readonly string[], over?: Partial<Omit<ImportRequest, 'shopId' | 'files'>>): Promise<{ ordersNew: number; ordersUpdated: number; customersNew: number; ordersMoved: boolean }> {
  const before = await storedOrders(store.db);
  const r = await store.import(files, over);
  const after = await storedOrders(store.db);
  const moved = JSON.stringify([...before]) !== JSON.stringify([...after]);
  return { ordersNew: r.totals.ordersNew, ordersUpdated: r.totals.ordersUpdated, customersNew: r.totals.customersNew, ordersMoved: moved };
}

export const NOTHING_CHANGED = { ordersNew: 0, ordersUpdated: 0, customersNew: 0, ordersMoved: false } as const;
