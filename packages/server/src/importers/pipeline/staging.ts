/**
 * Staging: mapped records stream into temporary tables through bulk writers; the merge then works set-based
 * in SQL. Staging lives inside the import transaction, so a killed import leaves nothing behind.
 */
import type { BulkColumn, BulkWriter, Db } from '../../store/database.ts';
import type { PackedRows } from '../../store/packed-rows.ts';
import { appendPacked } from '../../store/packed-rows.ts';
import type {
  CanonicalContact,
  CanonicalCustomer,
  CanonicalLine,
  CanonicalOrder,
  CanonicalOrderContact,
} from '../canonical.ts';

const CONTACT_COLUMNS: readonly BulkColumn[] = [
  { name: 'name', type: 'text' },
  { name: 'phone', type: 'text' },
  { name: 'phone_masked', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'province', type: 'text' },
  { name: 'city', type: 'text' },
  { name: 'district', type: 'text' },
  { name: 'birthday', type: 'text' },
];

export const STAGED_ORDER_COLUMNS: readonly BulkColumn[] = [
  { name: 'file_idx', type: 'int' },
  { name: 'line', type: 'int' },
  { name: 'order_no', type: 'text' },
  { name: 'key_kind', type: 'text' },
  { name: 'key_value', type: 'text' },
  { name: 'nick', type: 'text' },
  ...CONTACT_COLUMNS,
  { name: 'order_ms', type: 'double' },
  { name: 'paid_ms', type: 'double' },
  { name: 'status', type: 'text' },
  { name: 'raw_status', type: 'text' },
  { name: 'amount_cents', type: 'double' },
  { name: 'refund_cents', type: 'double' },
  { name: 'discount_cents', type: 'double' },
  { name: 'shipping_cents', type: 'double' },
  { name: 'coupon_code', type: 'text' },
  { name: 'item_count', type: 'int' },
  { name: 'titles', type: 'text' },
];

export const STAGED_LINE_COLUMNS: readonly BulkColumn[] = [
  { name: 'file_idx', type: 'int' },
  { name: 'line', type: 'int' },
  { name: 'order_no', type: 'text' },
  { name: 'line_id', type: 'text' },
  { name: 'sku', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'quantity', type: 'double' },
  { name: 'unit_price_cents', type: 'double' },
  { name: 'amount_cents', type: 'double' },
  { name: 'refund_cents', type: 'double' },
  { name: 'status', type: 'text' },
];

export const STAGED_CONTACT_COLUMNS: readonly BulkColumn[] = [
  { name: 'file_idx', type: 'int' },
  { name: 'line', type: 'int' },
  { name: 'order_no', type: 'text' },
  ...CONTACT_COLUMNS,
];

export const STAGED_CUSTOMER_COLUMNS: readonly BulkColumn[] = [
  { name: 'file_idx', type: 'int' },
  { name: 'line', type: 'int' },
  { name: 'key_kind', type: 'text' },
  { name: 'key_value', type: 'text' },
  ...CONTACT_COLUMNS,
  { name: 'accepts_email', type: 'bool' },
  { name: 'accepts_sms', type: 'bool' },
  { name: 'tags', type: 'text' },
];

const SQL_TYPES: Record<BulkColumn['type'], string> = {
  text: 'VARCHAR',
  int: 'INTEGER',
  double: 'DOUBLE PRECISION',
  bool: 'BOOLEAN',
  date: 'DATE',
};

const STAGING_TABLES: readonly (readonly [string, readonly BulkColumn[]])[] = [
  ['stg_orders', STAGED_ORDER_COLUMNS],
  ['stg_lines', STAGED_LINE_COLUMNS],
  ['stg_contacts', STAGED_CONTACT_COLUMNS],
  ['stg_customers', STAGED_CUSTOMER_COLUMNS],
];

/** Working tables the merge creates; dropped with the staging tables (and after an order merge, dropMergeTables). */
const MERGE_TABLES = ['m_orders', 'm_lines', 'm_lsum', 'm_unstorable', 'm_key_rows', 'm_keys', 'm_class'] as const;

/** (Re)creates empty staging tables for one import unit. */
export async function createStagingTables(db: Db): Promise<void> {
  await dropStagingTables(db);
  for (const [table, columns] of STAGING_TABLES) {
    const cols = columns.map((c) => `${c.name} ${SQL_TYPES[c.type]}`).join(', ');
    await db.run(`CREATE TEMP TABLE ${table} (${cols})`);
  }
}

/** Drops the staging tables, the unit's file list (stg_files, made by run-unit.ts) and the merge's tables. */
export async function dropStagingTables(db: Db): Promise<void> {
  for (const [table] of STAGING_TABLES) await db.run(`DROP TABLE IF EXISTS ${table}`);
  await db.run(`DROP TABLE IF EXISTS stg_files`);
  await dropMergeTables(db);
}

/** Drops the merge's working tables, keeping the staged rows (a customer file merges after the orders). */
export async function dropMergeTables(db: Db): Promise<void> {
  for (const table of MERGE_TABLES) await db.run(`DROP TABLE IF EXISTS ${table}`);
}

/** Counts of what was staged. */
export interface StagedCounts {
  orders: number;
  lines: number;
  contacts: number;
  customers: number;
}

/** The four staged tables, by the name of their count. */
export type StagedTable = keyof StagedCounts;

/** The staged tables in a fixed order. */
export const STAGED_TABLES: readonly StagedTable[] = ['orders', 'lines', 'contacts', 'customers'];

/** One value per staged table. */
export type StagingWriters<T> = { readonly [K in StagedTable]: T };

/** Columns of each staged table. */
export const STAGED_COLUMNS: StagingWriters<readonly BulkColumn[]> = {
  orders: STAGED_ORDER_COLUMNS,
  lines: STAGED_LINE_COLUMNS,
  contacts: STAGED_CONTACT_COLUMNS,
  customers: STAGED_CUSTOMER_COLUMNS,
};

const STAGING_TABLE_OF: StagingWriters<string> = {
  orders: 'stg_orders',
  lines: 'stg_lines',
  contacts: 'stg_contacts',
  customers: 'stg_customers',
};

/** Writes canonical records into the staging tables of the current transaction. */
export class StagingWriter {
  readonly counts: StagedCounts = { orders: 0, lines: 0, contacts: 0, customers: 0 };
  readonly #orders: BulkWriter;
  readonly #lines: BulkWriter;
  readonly #contacts: BulkWriter;
  readonly #customers: BulkWriter;

  private constructor(orders: BulkWriter, lines: BulkWriter, contacts: BulkWriter, customers: BulkWriter) {
    this.#orders = orders;
    this.#lines = lines;
    this.#contacts = contacts;
    this.#customers = customers;
  }

  /** A writer over four given writers (orders, lines, contacts, customers), e.g. row packers in a worker. */
  static over(writers: StagingWriters<BulkWriter>): StagingWriter {
    return new StagingWriter(writers.orders, writers.lines, writers.contacts, writers.customers);
  }

  static async open(db: Db): Promise<StagingWriter> {
    return new StagingWriter(
      await db.bulkWriter('stg_orders', STAGED_ORDER_COLUMNS),
      await db.bulkWriter('stg_lines', STAGED_LINE_COLUMNS),
      await db.bulkWriter('stg_contacts', STAGED_CONTACT_COLUMNS),
      await db.bulkWriter('stg_customers', STAGED_CUSTOMER_COLUMNS),
    );
  }

  order(fileIdx: number, o: CanonicalOrder): void {
    const c = o.contact;
    this.#orders.appendRow([
      fileIdx, o.line, o.orderNo, o.buyer.kind, o.buyer.value, o.buyerNick,
      c.name, c.phone, c.phoneMasked, c.email, c.province, c.city, c.district, c.birthday,
      o.orderTime, o.paidTime, o.status, o.rawStatus, o.amountCents, o.refundCents, o.discountCents,
      o.shippingCents, o.couponCode, o.itemCount, o.titles,
    ]);
    this.counts.orders++;
  }

  line(fileIdx: number, l: CanonicalLine): void {
    this.#lines.appendRow([
      fileIdx, l.line, l.orderNo, l.lineId, l.sku, l.title, l.quantity, l.unitPriceCents, l.amountCents,
      l.refundCents, l.status,
    ]);
    this.counts.lines++;
  }

  contact(fileIdx: number, c: CanonicalOrderContact): void {
    this.#contacts.appendRow([fileIdx, c.line, c.orderNo, ...contactValues(c.contact)]);
    this.counts.contacts++;
  }

  customer(fileIdx: number, c: CanonicalCustomer): void {
    this.#customers.appendRow([
      fileIdx, c.line, c.buyer.kind, c.buyer.value, ...contactValues(c.contact),
      c.acceptsEmailMarketing, c.acceptsSmsMarketing, c.tags,
    ]);
    this.counts.customers++;
  }

  /** Appends a packed batch of staged rows (made by a worker's StagingWriter over row packers). */
  appendPacked(table: StagedTable, rows: PackedRows): void {
    const [writer, columns] = this.#writer(table);
    appendPacked(writer, columns, rows);
    this.counts[table] += rows.count;
  }

  /** Appends the rows of bulk files written for `table` (store/bulk-file.ts) with Db.bulkLoad. */
  async loadFiles(db: Db, table: StagedTable, files: readonly { readonly path: string; readonly rows: number }[]): Promise<void> {
    if (db.bulkLoad === undefined) throw new Error(`the ${db.dialect} store cannot load bulk files`);
    await db.bulkLoad(STAGING_TABLE_OF[table], STAGED_COLUMNS[table], files.map((f) => f.path));
    for (const f of files) this.counts[table] += f.rows;
  }

  #writer(table: StagedTable): readonly [BulkWriter, readonly BulkColumn[]] {
    const columns = STAGED_COLUMNS[table];
    switch (table) {
      case 'orders':
        return [this.#orders, columns];
      case 'lines':
        return [this.#lines, columns];
      case 'contacts':
        return [this.#contacts, columns];
      case 'customers':
        return [this.#customers, columns];
    }
  }

  async close(): Promise<void> {
    await this.#orders.close();
    await this.#lines.close();
    await this.#contacts.close();
    await this.#customers.close();
  }
}

function contactValues(c: CanonicalContact): (string | null)[] {
  return [c.name, c.phone, c.phoneMasked, c.email, c.province, c.city, c.district, c.birthday];
}
