/**
 * Fills the staging tables of one unit from its tables. Big delimited text tables are read, decoded, parsed
 * and mapped in worker threads (map-worker/), in parallel with each other and with the main thread, which
 * loads their bulk files (or appends their packed batches) into the staging tables; small tables and workbooks
 * are mapped in the main thread. A big table whose rows map independently (Taobao's order and item lists) is
 * cut into byte-range parts, one worker each, so that both cores stay busy (read/csv-segment.ts). Whatever
 * ran where, the unit sees what the one-table-after-another fill gives: the same staged rows, issues in table
 * order (a later table's or part's issues wait until those before it are done), progress counted over the
 * unit, and the first failing table's error (later tables are stopped).
 */
import { rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
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
import { planCuts } from '../read/csv-segment.ts';
import { makeBulkDir } from './bulk-dir.ts';
import type { StagingWriter } from './staging.ts';

/** Tables smaller than this are mapped in the main thread: a worker costs more than it saves. */
export const DEFAULT_WORKER_MIN_BYTES = 5 * 1024 * 1024;
/** Smallest part a big table is cut into (a part re-reads the header and counts the lines before it). */
export const DEFAULT_PART_MIN_BYTES = 32 * 1024 * 1024;
const PROGRESS_EVERY = 0x4000;


export interface FillOptions {
  readonly timeZone: string;
  readonly columnMap: Readonly<Record<string, string>> | null;
  readonly onProgress?: (file: string, rows: number) => void;
  /** Delimited text tables of at least this many bytes are mapped in a worker; Infinity maps all in-thread. */
  readonly workerMinBytes: number;
  /** Smallest part a big row-independent table is cut into for the workers; Infinity never cuts. */
  readonly partMinBytes: number;
}

/** One worker's share of a table: the whole table, or one part of it (read/csv-segment.ts). */
interface Part {
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
type PartEnd = 'clean' | 'overran' | 'void';

type Plan =
  | { readonly kind: 'thread'; readonly prepared: PreparedMapper; readonly seq: number }
  | { readonly kind: 'worker'; readonly parts: readonly Part[] }
  | { readonly kind: 'failed'; readonly error: unknown; readonly seq: number };

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
  // A later part's issues and row counts wait until the parts before it are done.
  const pending = new Map<number, { issues: ImportIssue[]; rows: number }>();
  const counted = (file: string, rows: number): void => {
    const before = rowsRead;
    rowsRead += rows;
    const report = options.onProgress;
    if (report === undefined) return;
    for (let k = Math.floor(before / PROGRESS_EVERY) + 1; k <= Math.floor(rowsRead / PROGRESS_EVERY); k++) report(file, k * PROGRESS_EVERY);
  };
  // A table read in parts reports its unknown statuses once, as the whole-table mapper does.
  const onceSeen = tables.map(() => new Set<string>());
  const release = (tableIdx: number, parted: boolean, issue: ImportIssue): void => {
    if (parted && issue.code === 'unknown_status') {
      const key = `${issue.column ?? ''}\u0000${issue.message}`;
      if (onceSeen[tableIdx]!.has(key)) return;
      onceSeen[tableIdx]!.add(key);
    }
    issues.add(issue);
  };

  // Statements on the unit's connection run one at a time: bulk loads, and in-thread fills (appender flushes).
  let connection: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = connection.then(fn, fn);
    connection = next.catch(() => undefined);
    return next;
  };
  let bulkDir: string | null = null;
  const slots = Math.max(1, Math.min(2, availableParallelism()));

  // Which tables go to workers, and how many parts each (big row-independent tables keep both slots busy).
  const sizes: number[] = [];
  const kinds: ('thread' | 'worker' | 'failed')[] = [];
  const prepared: (PreparedMapper | null)[] = [];
  const errors: unknown[] = [];
  for (const { path, table } of tables) {
    try {
      prepared.push(prepareMapper(table, path, ctx));
    } catch (error) {
      prepared.push(null);
      errors.push(error);
      kinds.push('failed');
      sizes.push(0);
      continue;
    }
    errors.push(null);
    const text = table.source.text;
    const size = text === undefined ? 0 : (await stat(text.path)).size;
    sizes.push(size);
    kinds.push(text !== undefined && size >= options.workerMinBytes ? 'worker' : 'thread');
  }
  const workerBytes = sizes.reduce((sum, size, i) => sum + (kinds[i] === 'worker' ? size : 0), 0);
  const partTarget = Math.max(options.partMinBytes, workerBytes / (2 * slots));

  const plans: Plan[] = [];
  let seq = 0;
  for (const [i, { path, table }] of tables.entries()) {
    const kind = kinds[i]!;
    if (kind === 'failed') {
      plans.push({ kind, error: errors[i], seq: seq++ });
      continue;
    }
    const text = table.source.text;
    if (kind === 'thread' || text === undefined) {
      plans.push({ kind: 'thread', prepared: prepared[i]!, seq: seq++ });
      continue;
    }
    await table.close();
    if (bulkDir === null && db.bulkLoad !== undefined) bulkDir = await makeBulkDir();
    const wanted = bulkDir !== null && table.variant.rowIndependent === true ? Math.round(sizes[i]! / partTarget) : 1;
    const cuts = wanted > 1 ? await planCuts(text, sizes[i]!, wanted) : [];
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

  let running = 0;
  let closing = false;
  const startWorkers = (): void => {
    if (closing) return;
    for (const [i, plan] of plans.entries()) {
      if (plan.kind !== 'worker') continue;
      const file = basename(tables[i]!.path);
      const parted = plan.parts.length > 1;
      for (const [p, part] of plan.parts.entries()) {
        if (running >= slots) return;
        if (part.feed !== null || part.void) continue;
        const onBatch = (batch: BatchMessage): void => {
          for (const name of STAGED_TABLES) {
            const rows = batch.staged[name];
            if (rows !== undefined) staging.appendPacked(name, rows);
          }
          if (part.seq === current) {
            for (const issue of batch.issues) release(i, parted, issue);
            counted(file, batch.rows);
          } else {
            const held = pending.get(part.seq) ?? { issues: [], rows: 0 };
            held.issues.push(...batch.issues);
            held.rows += batch.rows;
            pending.set(part.seq, held);
          }
        };
        part.feed = startWorkerFeed(part.spec, onBatch);
        const before: Promise<PartEnd> = p === 0 ? Promise.resolve('clean') : plan.parts[p - 1]!.settled ?? Promise.resolve('void');
        // A part's bulk files are loaded once it is done and every part before it ended at its own end,
        // while the other workers go on; when an earlier part overran, they are deleted instead.
        part.settled = Promise.all([part.feed.finished, before.catch((): PartEnd => 'void')]).then(([done, earlier]) =>
          exclusive(async (): Promise<PartEnd> => {
            const keep = earlier === 'clean' && !part.void && !closing;
            for (const name of STAGED_TABLES) {
              const f = done.files[name];
              if (f === undefined) continue;
              if (keep) await staging.loadFiles(db, name, [f]);
              await rm(f.path, { force: true });
            }
            if (!keep) return 'void';
            if (done.overran) voidPartsAfter(plan.parts, p);
            return done.overran ? 'overran' : 'clean';
          }),
        );
        part.settled.catch(() => undefined);
        running++;
        const freeSlot = (): void => {
          running--;
          startWorkers();
        };
        part.feed.finished.then(freeSlot, freeSlot);
      }
    }
  };
  /** The parts after `p` are void: their rows were read by part p. Their workers are stopped. */
  const voidPartsAfter = (parts: readonly Part[], p: number): void => {
    for (const later of parts.slice(p + 1)) {
      later.void = true;
      pending.delete(later.seq);
      if (later.feed !== null) void later.feed.stop();
    }
  };

  try {
    startWorkers();
    for (const [i, plan] of plans.entries()) {
      const { path, table } = tables[i]!;
      const file = basename(path);
      if (plan.kind === 'worker') {
        const parted = plan.parts.length > 1;
        for (const part of plan.parts) {
          if (part.void) continue;
          current = part.seq;
          const held = pending.get(part.seq);
          pending.delete(part.seq);
          for (const issue of held?.issues ?? []) release(i, parted, issue);
          counted(file, held?.rows ?? 0);
          if (part.settled === null) throw new Error(`map worker for ${file} was never started`);
          await part.settled;
        }
        continue;
      }
      current = plan.seq;
      const held = pending.get(plan.seq);
      pending.delete(plan.seq);
      for (const issue of held?.issues ?? []) issues.add(issue);
      counted(file, held?.rows ?? 0);
      if (plan.kind === 'failed') throw plan.error;
      const fileIdx = files.indexOf(path);
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
    await Promise.all(plans.flatMap((p) => (p.kind === 'worker' ? p.parts.map((part) => part.feed?.stop()) : [])));
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
