/**
 * customers.time_zone, for stores created before it existed. The column was added to the first migration in
 * place (a mistake: released migrations are never edited), so stores made by earlier builds lack it and the
 * profile and the planner fail on them. This adds it where it is missing and does nothing elsewhere
 * (`IF NOT EXISTS` works in DuckDB and PostgreSQL alike).
 */
import type { Migration } from './migration.ts';

export const addCustomerTimeZone: Migration = {
  id: '2026_11_26_01_customer_time_zone',
  up: () => [`ALTER TABLE customers ADD COLUMN IF NOT EXISTS time_zone VARCHAR`],
};
