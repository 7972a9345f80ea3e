/**
 * An index on order_lines (shop_id, order_key): the profile reads the lines of a customer's latest orders by
 * their keys, a point lookup instead of a scan of every line (4M-order shop: 24 ms → 3 ms per profile; a
 * heavy buyer on a 10M-order shop pays the scan twice over). The analysis reads all lines in a scan and does
 * not use it. Cost at import: see docs/benchmarks.md (Import, order key).
 */
import type { Migration } from './migration.ts';

export const addOrderLinesKeyIndex: Migration = {
  id: '2026_11_27_03_order_lines_key_index',
  up: () => [`CREATE INDEX order_lines_key_idx ON order_lines (shop_id, order_key)`],
};
