/**
 * Fills the staging tables of one unit from its tables. Big delimited text tables are read, decoded, parsed
 * and mapped in worker threads (map-worker/), in parallel with each other and with the main thread, which
 * appends their packed batches to the staging tables as they arrive; small tables and workbooks are mapped
 * in the main thread. Whatever ran where, the unit sees what the one-table-after-another fill gives: the
 * same staged rows, issues in table order (a later table's issues wait until the tables before it are done),
 * progress counted over the unit, and the first failing table's error (later tables are stopped).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Db } from '../../store/database.ts';
import type { MapSink } from '../formats/format-definition.ts';
import type { ImportIssue } from '../import-issue.ts';
import type { PlannedUnit } from './group-units.ts';
import type { IssueSink } from './issue-sink.ts';
import { mapTableRows, prepareMapper } from './map-table.ts';
import type { PreparedMapper } from './map-table.ts';
import type { BatchMessage, MapWorkerSpec } from './map-worker/protocol.ts';
import { startWorkerFeed } from './map-worker/worker-feed.ts';
import type { WorkerFeed } from './map-worker/worker-feed.ts';
import type { UnitFillResult } from './run-unit.ts';
import { STAGED_TABLES } from './staging.ts';
import type { StagingWriter } from './staging.ts';

/** Tables smaller than this are mapped in the main thread: a worker costs more than it saves. */
export const DEFAULT_WORKER_MIN_BYTES = 5 * 1024 * 1024;
const PROGRESS_EVERY = 0x4000;


export interface FillOptions {
  readonly timeZone: string;
  readonly columnMap: Readonly<Record<string, string>> | null;
  readonly onProgress?: (file: string, rows: number) => void;
  /** Delimited text tables of at least this many bytes are mapped in a worker; Infinity maps all in-thread. */
  readonly workerMinBytes: number;
}

type Plan =
  | { readonly kind: 'thread'; readonly prepared: PreparedMapper }
  | { readonly kind: 'worker'; readonly spec: MapWorkerSpec; feed: WorkerFeed | null; staged: Promise<void> | null }
  | { readonly kind: 'failed'; readonly error: unknown };

/** Streams every table of `unit` into `staging` and `issues`; throws the first failing table's error. */
export async function fillUnit(
  db: Db,
  unit: PlannedUnit,
  files: readonly string[],
  options: FillOptions,
  staging: StagingWriter,
  issues: IssueSink,
): Promise<UnitFillResult> {
  const tables = unit.tables;
  const ctx = { timeZone: options.timeZone, columnMap: options.columnMap };
  let rowsRead = 0;
  let current = 0;
  // A later table's issues and row counts wait until the tables before it are done.
  const pending: ImportIssue[][] = tables.map(() => []);
  const pendingRows: number[] = tables.map(() => 0);
  const counted = (file: string, rows: number): void => {
    const before = rowsRead;
    rowsRead += rows;
    const report = options.onProgress;
    if (report === undefined) return;
    for (let k = Math.floor(before / PROGRESS_EVERY) + 1; k <= Math.floor(rowsRead / PROGRESS_EVERY); k++) report(file, k * PROGRESS_EVERY);
  };

  // Statements on the unit's connection run one at a time: bulk loads, and in-thread fills (appender flushes).
  let connection: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = connection.then(fn, fn);
    connection = next.catch(() => undefined);
    return next;
  };
  let bulkDir: string | null = null;

  const plans: Plan[] = [];
  for (const { path, table } of tables) {
    let prepared: PreparedMapper;
    try {
      prepared = prepareMapper(table, path, ctx);
    } catch (error) {
      plans.push({ kind: 'failed', error });
      continue;
    }
    const text = table.source.text;
    if (text === undefined || !((await stat(text.path)).size >= options.workerMinBytes)) {
      plans.push({ kind: 'thread', prepared });
      continue;
    }
    await table.close();
    if (bulkDir === null && db.bulkLoad !== undefined) bulkDir = await mkdtemp(join(tmpdir(), 'huitou-import-'));
    const spec: MapWorkerSpec = {
      table: text, format: table.format.name, variantId: table.variant.id, fileIdx: files.indexOf(path),
      timeZone: options.timeZone, columnMap: options.columnMap, batchRows: 8192, maxInFlight: 3, bulkDir,
    };
    plans.push({ kind: 'worker', spec, feed: null, staged: null });
  }

  const slots = Math.max(1, Math.min(2, availableParallelism()));
  let running = 0;
  let closing = false;
  const startWorkers = (): void => {
    if (closing) return;
    for (const [i, plan] of plans.entries()) {
      if (running >= slots) return;
      if (plan.kind !== 'worker' || plan.feed !== null) continue;
      const file = basename(tables[i]!.path);
      const onBatch = (batch: BatchMessage): void => {
        for (const name of STAGED_TABLES) {
          const rows = batch.staged[name];
          if (rows !== undefined) staging.appendPacked(name, rows);
        }
        if (i === current) {
          for (const issue of batch.issues) issues.add(issue);
          counted(file, batch.rows);
        } else {
          pending[i]!.push(...batch.issues);
          pendingRows[i]! += batch.rows;
        }
      };
      plan.feed = startWorkerFeed(plan.spec, onBatch);
      // A table's bulk files are loaded as soon as its worker is done, while the other workers go on.
      plan.staged = plan.feed.finished.then((done) =>
        exclusive(async () => {
          for (const name of STAGED_TABLES) {
            const f = done.files[name];
            if (f === undefined) continue;
            if (!closing) await staging.loadFiles(db, name, [f]);
            await rm(f.path, { force: true });
          }
        }),
      );
      plan.staged.catch(() => undefined);
      running++;
      const release = (): void => {
        running--;
        startWorkers();
      };
      plan.feed.finished.then(release, release);
    }
  };

  try {
    startWorkers();
    for (const [i, plan] of plans.entries()) {
      current = i;
      for (const issue of pending[i]!) issues.add(issue);
      pending[i] = [];
      counted(basename(tables[i]!.path), pendingRows[i]!);
      pendingRows[i] = 0;
      if (plan.kind === 'failed') throw plan.error;
      const { path, table } = tables[i]!;
      if (plan.kind === 'worker') {
        if (plan.staged === null) throw new Error(`map worker for ${basename(path)} was never started`);
        await plan.staged;
        continue;
      }
      const fileIdx = files.indexOf(path);
      const file = basename(path);
      const sink: MapSink = {
        order: (o) => staging.order(fileIdx, o),
        line: (l) => staging.line(fileIdx, l),
        customer: (c) => staging.customer(fileIdx, c),
        contact: (c) => staging.contact(fileIdx, c),
        issue: (issue) => issues.add(issue),
      };
      await exclusive(() =>
        mapTableRows(table, plan.prepared, sink, {
          issue: (issue) => issues.add(issue),
          afterRow: () => {
            counted(file, 1);
            return undefined;
          },
        }),
      );
    }
  } finally {
    closing = true;
    current = -1;
    await Promise.all(plans.map((p) => (p.kind === 'worker' && p.feed !== null ? p.feed.stop() : undefined)));
    await connection;
    if (bulkDir !== null) await rm(bulkDir, { recursive: true, force: true });
  }
  const first = tables[0]!.table;
  return {
    rowsRead,
    format: first.format.name,
    variants: tables.map((t) => t.table.variant.id),
    encoding: [...new Set(tables.map((t) => t.table.source.encoding))].join(','),
  };
}
