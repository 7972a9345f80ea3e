/**
 * Fills the staging tables of one unit from its tables. Big delimited text tables are read, decoded, parsed
 * and mapped in worker threads (map-worker/), in parallel with each other and with the main thread, which
 * loads their bulk files (or appends their packed batches) into the staging tables; small tables and workbooks
 * are mapped in the main thread. A big table whose rows map independently (Taobao's order and item lists) is
 * cut into byte-range parts, one worker each, so that both cores stay busy (plan-fill.ts). Whatever
 * ran where, the unit sees what the one-table-after-another fill gives: the same staged rows, issues in table
 * order (a later table's or part's issues wait until those before it are done), progress counted over the
 * unit, and the first failing table's error (later tables are stopped).
 */
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Db } from '../../store/database.ts';
import type { MapSink } from '../formats/format-definition.ts';
import type { ImportIssue } from '../import-issue.ts';
import type { PlannedUnit } from './group-units.ts';
import type { IssueSink } from './issue-sink.ts';
import { mapTableRows } from './map-table.ts';
import type { BatchMessage } from './map-worker/protocol.ts';
import { startWorkerFeed } from './map-worker/worker-feed.ts';
import { planFill } from './plan-fill.ts';
import type { FillPlanOptions, Part, PartEnd } from './plan-fill.ts';
import type { UnitFillResult } from './run-unit.ts';
import { STAGED_TABLES } from './staging.ts';
import type { StagingWriter } from './staging.ts';

/** Tables smaller than this are mapped in the main thread: a worker costs more than it saves. */
export const DEFAULT_WORKER_MIN_BYTES = 5 * 1024 * 1024;
/** Smallest part a big table is cut into (a part re-reads the header and counts the lines before it). */
export const DEFAULT_PART_MIN_BYTES = 32 * 1024 * 1024;
const PROGRESS_EVERY = 0x4000;


export interface FillOptions extends FillPlanOptions {
  readonly onProgress?: (file: string, rows: number) => void;
}

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
  const { plans, bulkDir, slots } = await planFill(db, unit, files, options);

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

  /** Makes `seq` the current place in the release order and releases what its worker sent before its turn. */
  const takeTurn = (seq: number, tableIdx: number, parted: boolean, file: string): void => {
    current = seq;
    const held = pending.get(seq);
    pending.delete(seq);
    for (const issue of held?.issues ?? []) release(tableIdx, parted, issue);
    counted(file, held?.rows ?? 0);
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
          takeTurn(part.seq, i, parted, file);
          if (part.settled === null) throw new Error(`map worker for ${file} was never started`);
          await part.settled;
        }
        continue;
      }
      takeTurn(plan.seq, i, false, file);
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
