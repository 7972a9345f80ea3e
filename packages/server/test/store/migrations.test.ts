import { describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/store/dialects/duckdb/duckdb-db.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';
import { migrateToLatest } from '../../src/store/migrations/migrator.ts';

describe('migrations', () => {
  it('apply once, then report already applied', async () => {
    const db = await openDuckDb({ path: ':memory:' });
    const first = await migrateToLatest(db, MIGRATIONS);
    expect(first.error).toBeUndefined();
    expect(first.results.map((r) => r.status)).toEqual(MIGRATIONS.map(() => 'applied'));
    const second = await migrateToLatest(db, MIGRATIONS);
    expect(second.results.map((r) => r.status)).toEqual(MIGRATIONS.map(() => 'already_applied'));
    const tables = await db.all<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1",
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['customers', 'customer_identities', 'import_batches', 'import_issues', 'order_lines', 'orders', 'products', 'shops']),
    );
    db.close();
  });

  it('adds customers.time_zone to a store made before the column existed, and leaves newer stores alone', async () => {
    const db = await openDuckDb({ path: ':memory:' });
    const upTo = MIGRATIONS.findIndex((m) => m.id === '2026_11_26_01_customer_time_zone');
    expect(upTo).toBeGreaterThan(0);
    expect((await migrateToLatest(db, MIGRATIONS.slice(0, upTo))).error).toBeUndefined();
    await db.run('ALTER TABLE customers DROP COLUMN time_zone'); // as an early build created it
    expect((await migrateToLatest(db, MIGRATIONS)).error).toBeUndefined();
    const cols = await db.all("SELECT 1 FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'time_zone'");
    expect(cols).toHaveLength(1);
    db.close();
  });

  it('stops at a failing migration, rolls it back and does not run later ones', async () => {
    const db = await openDuckDb({ path: ':memory:' });
    const bad = { id: '9999_12_31_01_bad', up: () => ['CREATE TABLE half_done (x INTEGER)', 'THIS IS NOT SQL'] };
    const later = { id: '9999_12_31_02_later', up: () => ['CREATE TABLE later (x INTEGER)'] };
    const result = await migrateToLatest(db, [...MIGRATIONS, bad, later]);
    expect(result.error).toBeDefined();
    expect(result.results.at(-2)?.status).toBe('failed');
    expect(result.results.at(-1)?.status).toBe('not_run');
    const leftovers = await db.all("SELECT table_name FROM information_schema.tables WHERE table_name IN ('half_done','later')");
    expect(leftovers).toEqual([]);
    db.close();
  });
});
