/**
 * Map worker entry (runs in a worker thread, bundled by worker-script.ts or loaded through bootstrap.mjs): reads one delimited text table,
 * maps it with the format the main thread recognised, and posts packed batches with their issues in order.
 * Waits for acknowledgements when too many batches are in flight, so memory stays bounded.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { BulkFileWriter } from '../../../store/bulk-file.ts';
import type { MessagePort } from 'node:worker_threads';
import type { PackedRows } from '../../../store/packed-rows.ts';
import { packedTransferList, RowPacker } from '../../../store/packed-rows.ts';
import type { MapSink } from '../../formats/format-definition.ts';
import { findFormat } from '../../formats/index.ts';
import type { ImportIssue } from '../../import-issue.ts';
import { ImportFileError } from '../../import-issue.ts';
import { csvSource } from '../../read/csv-source.ts';
import { csvSegmentSource, lineAt, readLayout } from '../../read/csv-segment.ts';
import type { SegmentOutcome } from '../../read/csv-segment.ts';
import type { RowProjection } from '../../read/table-source.ts';
import type { FormatDefinition } from '../../formats/format-definition.ts';
import type { RecognisedTable } from '../open-table.ts';
import { mapTableRows, prepareMapper } from '../map-table.ts';
import { recogniseTable } from '../open-table.ts';
import { STAGED_COLUMNS, STAGED_TABLES, StagingWriter } from '../staging.ts';
import type { StagedTable, StagingWriters } from '../staging.ts';
import type { AckMessage, BulkFileInfo, MapWorkerSpec, WorkerMessage } from './protocol.ts';

/** Test hook: the worker exits abruptly (as if it crashed) after posting this many batches. */
const CRASH_AFTER = Number(process.env['HUITOU_TEST_MAP_WORKER_CRASH_AFTER'] ?? Number.NaN);

async function run(port: MessagePort, spec: MapWorkerSpec): Promise<void> {
  const format = findFormat(spec.format);
  const variant = format?.variants.find((v) => v.id === spec.variantId);
  if (format === undefined || variant === undefined) throw new Error(`unknown format ${spec.format}/${spec.variantId}`);
  const outcome: SegmentOutcome = { overran: false };
  const recognised = await openTable(spec, format, outcome);
  if (recognised === null) throw new ImportFileError('empty_file', `${spec.table.file} has no rows`);
  const table = { ...recognised, variant };
  const prepared = prepareMapper(table, spec.table.path, { timeZone: spec.timeZone, columnMap: spec.columnMap });

  const dir = spec.bulkDir;
  const packers: StagingWriters<RowPacker> | null = dir !== null ? null : {
    orders: new RowPacker(STAGED_COLUMNS.orders, spec.batchRows),
    lines: new RowPacker(STAGED_COLUMNS.lines, spec.batchRows),
    contacts: new RowPacker(STAGED_COLUMNS.contacts, spec.batchRows),
    customers: new RowPacker(STAGED_COLUMNS.customers, spec.batchRows),
  };
  const bulkPath = (name: StagedTable): string => join(dir ?? '', `${spec.fileIdx}-${spec.part?.index ?? 0}-${name}.csv`);
  const fileOf = (name: StagedTable): BulkFileWriter => new BulkFileWriter(bulkPath(name), STAGED_COLUMNS[name]);
  const files: StagingWriters<BulkFileWriter> | null = dir === null ? null : {
    orders: fileOf('orders'),
    lines: fileOf('lines'),
    contacts: fileOf('contacts'),
    customers: fileOf('customers'),
  };
  const staging = StagingWriter.over(packers ?? files!);
  let issues: ImportIssue[] = [];
  const idx = spec.fileIdx;
  const sink: MapSink = {
    order: (o) => staging.order(idx, o),
    line: (l) => staging.line(idx, l),
    customer: (c) => staging.customer(idx, c),
    contact: (c) => staging.contact(idx, c),
    issue: (i) => issues.push(i),
  };

  let inFlight = 0;
  let posted = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: AckMessage) => {
    if (m.type !== 'ack') return;
    inFlight--;
    const w = wake;
    wake = null;
    w?.();
  });
  let rows = 0;
  const post = (): void => {
    const staged: { [K in StagedTable]?: PackedRows } = {};
    const transfer: ArrayBuffer[] = [];
    for (const name of STAGED_TABLES) {
      if (packers === null) break;
      const packed = packers[name].take();
      if (packed === null) continue;
      staged[name] = packed;
      transfer.push(...packedTransferList(packed));
    }
    const message: WorkerMessage = { type: 'batch', rows, staged, issues };
    port.postMessage(message, transfer);
    rows = 0;
    issues = [];
    inFlight++;
    if (++posted >= CRASH_AFTER) process.exit(70);
  };
  const full = (): boolean =>
    packers !== null && (packers.orders.count >= spec.batchRows || packers.lines.count >= spec.batchRows ||
    packers.contacts.count >= spec.batchRows || packers.customers.count >= spec.batchRows);

  await mapTableRows(table, prepared, sink, {
    issue: (i) => issues.push(i),
    afterRow: () => {
      rows++;
      if (rows < spec.batchRows && !full()) return undefined;
      post();
      if (inFlight < spec.maxInFlight) return undefined;
      return new Promise<void>((resolve) => {
        wake = resolve;
      });
    },
  });
  post();
  const written: { [K in StagedTable]?: BulkFileInfo } = {};
  for (const name of STAGED_TABLES) {
    const f = files?.[name];
    if (f === undefined) continue;
    f.closeSync();
    if (f.rows > 0) written[name] = { path: bulkPath(name), rows: f.rows };
  }
  const done: WorkerMessage = { type: 'done', files: written, overran: outcome.overran };
  port.postMessage(done);
  port.removeAllListeners('message');
}

/**
 * The table (or the part of it) this worker maps. A later part reads the header at the file's start, then its
 * own bytes from the line they start on, with the layout the whole-file reader detected.
 */
async function openTable(spec: MapWorkerSpec, format: FormatDefinition, outcome: SegmentOutcome): Promise<RecognisedTable | null> {
  const part = spec.part;
  if (part === null) return recogniseTable(csvSource(spec.table), format);
  if (part.index === 0) return recogniseTable(csvSegmentSource(spec.table, { start: 0, end: part.end, resume: null }, outcome), format);
  const head = await recogniseTable(csvSource(spec.table), format);
  if (head === null) return null;
  await head.close();
  const resume = { layout: await readLayout(spec.table), line: await lineAt(spec.table.path, part.start) };
  const source = csvSegmentSource(spec.table, { start: part.start, end: part.end, resume }, outcome);
  const readerIssues: ImportIssue[] = [];
  const projection: RowProjection = { columns: null };
  const rows = source.rows(readerIssues, projection);
  return { ...head, source, rows, readerIssues, projection, empty: false, close: async () => undefined };
}

const port = parentPort;
if (port === null) throw new Error('map-worker.ts runs in a worker thread');
run(port, workerData as MapWorkerSpec).catch((error: unknown) => {
  const message: WorkerMessage = {
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
    fileError: error instanceof ImportFileError ? { code: error.code, line: error.line } : null,
  };
  port.postMessage(message);
  port.removeAllListeners('message');
});
