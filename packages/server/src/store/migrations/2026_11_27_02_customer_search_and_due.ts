/**
 * Two columns that turn the customer list's slowest filters into predicates on one column:
 *
 * - customers.search_text: nick, name, phone, e-mail and buyer key, lower-cased and joined by newlines, kept
 *   by the import wherever it writes those fields, so a search is one `position` over one column instead
 *   of `lower()` over five.
 * - customer_analysis.due_state (worst of overdue / due / due_soon), next_due (earliest due day) and the
 *   number of SKUs in each state, written by the analysis from the same rows as customer_sku_due, so the
 *   due-state filter needs no semi-join over the SKU rows.
 *
 * Existing stores are back-filled from the stored rows. The expressions are spelled out here (not imported)
 * so that this released migration never changes.
 */
import type { Migration } from './migration.ts';

export const addCustomerSearchAndDue: Migration = {
  id: '2026_11_27_02_customer_search_and_due',
  up: () => [
    `ALTER TABLE customers ADD COLUMN search_text VARCHAR`,
    `UPDATE customers SET search_text = lower(coalesce(nick, '') || chr(10) || coalesce(name, '') || chr(10) || coalesce(phone, '')
       || chr(10) || coalesce(email, '') || chr(10) || coalesce(key_value, ''))`,
    `ALTER TABLE customer_analysis ADD COLUMN due_state VARCHAR`,
    `ALTER TABLE customer_analysis ADD COLUMN next_due DATE`,
    `ALTER TABLE customer_analysis ADD COLUMN due_soon_skus INTEGER`,
    `ALTER TABLE customer_analysis ADD COLUMN due_skus INTEGER`,
    `ALTER TABLE customer_analysis ADD COLUMN overdue_skus INTEGER`,
    `UPDATE customer_analysis SET due_state = d.worst, next_due = d.next_due, due_soon_skus = d.due_soon, due_skus = d.due, overdue_skus = d.overdue
     FROM (SELECT shop_id, customer_id, min(due_on) AS next_due,
             CASE WHEN count(*) FILTER (WHERE state = 'overdue') > 0 THEN 'overdue'
                  WHEN count(*) FILTER (WHERE state = 'due') > 0 THEN 'due'
                  WHEN count(*) FILTER (WHERE state = 'due_soon') > 0 THEN 'due_soon' END AS worst,
             CAST(count(*) FILTER (WHERE state = 'due_soon') AS INTEGER) AS due_soon,
             CAST(count(*) FILTER (WHERE state = 'due') AS INTEGER) AS due,
             CAST(count(*) FILTER (WHERE state = 'overdue') AS INTEGER) AS overdue
           FROM customer_sku_due GROUP BY shop_id, customer_id) d
     WHERE d.shop_id = customer_analysis.shop_id AND d.customer_id = customer_analysis.customer_id`,
    `UPDATE customer_analysis SET due_soon_skus = 0, due_skus = 0, overdue_skus = 0 WHERE due_soon_skus IS NULL`,
  ],
};
