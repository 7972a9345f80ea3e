/**
 * Plans the fill of one unit: which tables are mapped in the main thread and which in worker threads, and how
 * a big table whose rows map independently is cut into byte-range parts (read/csv-segment.ts) so that both
 * worker slots stay busy. Every table and part gets its place in the order its issues and progress are
 * released in.
 */
import { rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Db } from '../../store/database.ts';
import { planCuts } from '../read/csv-segment.ts';
import { makeBulkDir } from './bulk-dir.ts';
import type { PlannedUnit } from './group-units.ts';
import { prepareMapper } from './map-table.ts';
import type { PreparedMapper } from './map-table.ts';
import type { MapWorkerSpec } from './map-worker/protocol.ts';
import type { WorkerFeed } from './map-worker/worker-feed.ts';

/** What planning needs of the fill's options. */
export interface FillPlanOptions {
  readonly timeZone: string;
  readonly columnMap: Readonly<Record<string, string>> | null;
  /** Delimited text tables of at least this many bytes are mapped in a worker; Infinity maps all in-thread. */
  readonly workerMinBytes: number;
  /** Smallest part a big row-independent table is cut into for the workers; Infinity never cuts. */
  readonly partMinBytes: number;
}

/** One worker's share of a table: the whole table, or one part of it (read/csv-segment.ts). */
export interface Part {
  readonly spec: MapWorkerSpec;
  /** Position in the unit's release order (issues and progress are released in this order). */
  readonly seq: number;
  feed: WorkerFeed | null;
  /** Settles once the worker is done and its bulk files are loaded, or left out because an earlier part overran. */
  settled: Promise<PartEnd> | null;
  /** An earlier part read past its end and covered this part's rows: nothing of this part is kept. */
  void: boolean;
}

/** How a part ended: at its end, past it (later parts are void), or void itself. */
export type PartEnd = 'clean' | 'overran' | 'void';

export type Plan =
  | { readonly kind: 'thread'; readonly prepared: PreparedMapper; readonly seq: number }
  | { readonly kind: 'worker'; readonly parts: readonly Part[] }
  | { readonly kind: 'failed'; readonly error: unknown; readonly seq: number };

/** The plan of a unit's fill: one plan per table, the bulk-file folder (null without bulk files), the slots. */
export interface FillPlan {
  readonly plans: readonly Plan[];
  readonly bulkDir: string | null;
  readonly slots: number;
}

/**
 * Plans `unit`'s tables. Tables read in workers are closed here (the workers open them again); a table whose
 * mapper cannot be built is planned as failed, to fail the unit when its turn comes.
 */
export async function planFill(db: Db, unit: PlannedUnit, files: readonly string[], options: FillPlanOptions): Promise<FillPlan> {
  const tables = unit.tables;
  const ctx = { timeZone: options.timeZone, columnMap: options.columnMap };
  let bulkDir: string | null = null;
  const slots = Math.max(1, Math.min(2, availableParallelism()));

  // Which tables go to workers, and how many parts each (big row-independent tables keep both slots busy).
  type Sized =
    | { readonly kind: 'failed'; readonly error: unknown; readonly size: 0 }
    | { readonly kind: 'thread' | 'worker'; readonly prepared: PreparedMapper; readonly size: number };
  const sized: Sized[] = [];
  for (const { path, table } of tables) {
    let prepared: PreparedMapper;
    try {
      prepared = prepareMapper(table, path, ctx);
    } catch (error) {
      sized.push({ kind: 'failed', error, size: 0 });
      continue;
    }
    const text = table.source.text;
    const size = text === undefined ? 0 : (await stat(text.path)).size;
    sized.push({ kind: text !== undefined && size >= options.workerMinBytes ? 'worker' : 'thread', prepared, size });
  }
  const workerBytes = sized.reduce((sum, t) => sum + (t.kind === 'worker' ? t.size : 0), 0);
  const partTarget = Math.max(options.partMinBytes, workerBytes / (2 * slots));

  const plans: Plan[] = [];
  let seq = 0;
  try {
    for (const [i, { path, table }] of tables.entries()) {
      const t = sized[i]!;
      if (t.kind === 'failed') {
        plans.push({ kind: 'failed', error: t.error, seq: seq++ });
        continue;
      }
      const text = table.source.text;
      if (t.kind === 'thread' || text === undefined) {
        plans.push({ kind: 'thread', prepared: t.prepared, seq: seq++ });
        continue;
      }
      await table.close();
      if (bulkDir === null && db.bulkLoad !== undefined) bulkDir = await makeBulkDir();
      const wanted = bulkDir !== null && table.variant.rowIndependent === true ? Math.round(t.size / partTarget) : 1;
      const cuts = wanted > 1 ? await planCuts(text, t.size, wanted) : [];
      const base: Omit<MapWorkerSpec, 'part'> = {
        table: text, format: table.format.name, variantId: table.variant.id, fileIdx: files.indexOf(path),
        timeZone: options.timeZone, columnMap: options.columnMap, batchRows: 8192, maxInFlight: 3, bulkDir,
      };
      const starts = [0, ...cuts];
      const parts: Part[] = starts.map((start, index) => ({
        spec: { ...base, part: cuts.length === 0 ? null : { index, start, end: cuts[index] ?? null } },
        seq: seq++, feed: null, settled: null, void: false,
      }));
      plans.push({ kind: 'worker', parts });
    }
  } catch (error) {
    // The caller only cleans up a plan it got: a failure here must not leave the folder behind.
    if (bulkDir !== null) await rm(bulkDir, { recursive: true, force: true });
    throw error;
  }
  return { plans, bulkDir, slots };
}
