/**
 * Applies pending migrations, each in its own transaction, and reports a status per migration instead of
 * throwing halfway (the batch-boundary rule).
 */
import type { Db } from '../database.ts';
import type { Migration } from './migration.ts';

export type MigrationStatus = 'applied' | 'already_applied' | 'failed' | 'not_run';

export interface MigrationResult {
  readonly id: string;
  readonly status: MigrationStatus;
  readonly error?: string;
}

export interface MigrationResultSet {
  readonly results: readonly MigrationResult[];
  readonly error?: string;
}

/** Brings the schema up to date. */
export async function migrateToLatest(db: Db, migrations: readonly Migration[]): Promise<MigrationResultSet> {
  await db.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (id VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)`,
  );
  const done = new Set((await db.all<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  const results: MigrationResult[] = [];
  let failure: string | undefined;
  for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    if (done.has(migration.id)) {
      results.push({ id: migration.id, status: 'already_applied' });
      continue;
    }
    if (failure !== undefined) {
      results.push({ id: migration.id, status: 'not_run' });
      continue;
    }
    try {
      await db.transaction(async () => {
        for (const statement of migration.up(db.dialect)) await db.run(statement);
        await db.run('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      });
      results.push({ id: migration.id, status: 'applied' });
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      results.push({ id: migration.id, status: 'failed', error: failure });
    }
  }
  return failure === undefined ? { results } : { results, error: failure };
}
