/**
 * A format: how to recognise a table by its header and how to map its rows onto canonical records.
 * Shared code never branches on a format's name; each format declares what it is.
 */
import type { CanonicalCustomer, CanonicalLine, CanonicalOrder, CanonicalOrderContact } from '../canonical.ts';
import type { ImportIssue } from '../import-issue.ts';
import type { SheetRow } from '../read/table-source.ts';

export const FORMAT_NAMES = [
  'taobao',
  'jd',
  'pinduoduo',
  'douyin',
  'youzan',
  'shopify',
  'woocommerce',
  'uci',
  'cdnow',
  'canonical',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * What a table holds: order rows (one per order), item rows (one per line, joined to orders of the same
 * import on the order number), order-and-item rows (one per line with order fields repeated or
 * forward-filled), customers, or contacts (千牛 发货报表: receiver name/phone/address per order number).
 */
export type TableRole = 'orders' | 'items' | 'orders_with_items' | 'customers' | 'contacts';

export interface MapContext {
  /** File name for issues. */
  readonly file: string;
  /** IANA zone for naive timestamps. */
  readonly timeZone: string;
  /** Column mapping for the canonical format (`--map FILE`): canonical name -> source header. */
  readonly columnMap: Readonly<Record<string, string>> | null;
}

/** Where a mapper puts what it makes. */
export interface MapSink {
  order(order: CanonicalOrder): void;
  line(line: CanonicalLine): void;
  customer(customer: CanonicalCustomer): void;
  contact(contact: CanonicalOrderContact): void;
  issue(issue: ImportIssue): void;
}

export interface RowMapper {
  /** Called for every data row (header excluded), in file order. */
  map(row: SheetRow, sink: MapSink): void;
  /** Called once after the last row (flush a pending multi-row order). */
  finish(sink: MapSink): void;
}

export interface TableVariant {
  /** A short id for messages and `--json` (e.g. 'taobao-legacy-orders'). */
  readonly id: string;
  readonly role: TableRole;
  /**
   * Detection: how well this header matches, 0 = not at all. Headers arrive normalised (trimmed,
   * full-width punctuation unified). Higher wins; ties are broken by declaration order.
   */
  match(header: readonly string[]): number;
  /**
   * Builds a mapper for a table whose header row is `header`. Returns issues instead when required
   * columns are missing.
   */
  createMapper(header: readonly string[], ctx: MapContext): RowMapper | { readonly missing: readonly string[] };
  /**
   * True when each row maps on its own (no state across rows but the once-per-table unknown-status warning):
   * a big file may then be cut into parts mapped in parallel (pipeline/fill-unit.ts).
   */
  readonly rowIndependent?: boolean;
}

export interface FormatDefinition {
  readonly name: FormatName;
  /** Platform the orders belong to (part of the order key). */
  readonly platform: string;
  readonly variants: readonly TableVariant[];
  /**
   * For files without a header row (CDNOW): true when these first raw lines look like this format.
   * Formats with headers leave it out.
   */
  readonly sniffHeaderless?: (firstLines: readonly string[]) => boolean;
  /** Order amounts come from the lines (UCI, CDNOW, Shopify lines without totals). */
  readonly amountFromLines?: boolean;
}
