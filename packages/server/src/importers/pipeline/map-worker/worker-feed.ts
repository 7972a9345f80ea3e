/**
 * Main-thread side of a map worker: starts the worker, hands each batch to `onBatch` as it arrives (then
 * acknowledges it), and settles `finished` when the worker is done, failed or died. A worker that dies without
 * saying why (a crash, an out-of-memory kill of the thread) fails the table with its exit code.
 */
import { ImportFileError } from '../../import-issue.ts';
import type { AckMessage, BatchMessage, DoneMessage, MapWorkerSpec, WorkerMessage } from './protocol.ts';
import { startTypeScriptWorker } from '../../../workers/typescript-worker.ts';

const MAP_WORKER = {
  entry: new URL('./map-worker.ts', import.meta.url),
  bootstrap: new URL('./bootstrap.mjs', import.meta.url),
};

/**
 * Young generation of a map worker. Reading and mapping make short-lived strings and arrays per row; with
 * V8's default the order-file worker spent ~20 % of its time in the scavenger. 96 MB: fill of the 1M pair
 * 12.0 → 11.2 s (4 traces each, load ~1.5), peak RSS unchanged (DuckDB's merge sets it).
 */
const YOUNG_GENERATION_MB = 96;

/** A running map worker. */
export interface WorkerFeed {
  /** Resolves after the last batch was handed over; rejects with the table's error. Never unhandled. */
  readonly finished: Promise<DoneMessage>;
  /** Stops the worker; later messages are dropped. */
  stop(): Promise<void>;
}

/** Starts a worker for `spec`; `onBatch` runs synchronously per batch (a throw fails the table). */
export function startWorkerFeed(spec: MapWorkerSpec, onBatch: (batch: BatchMessage) => void): WorkerFeed {
  const worker = startTypeScriptWorker(MAP_WORKER, {
    workerData: spec, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  let stopped = false;
  let settle: { resolve: (done: DoneMessage) => void; reject: (e: Error) => void } | null = null;
  const finished = new Promise<DoneMessage>((resolve, reject) => {
    settle = { resolve, reject };
  });
  finished.catch(() => undefined);
  const end = (result: Error | DoneMessage): void => {
    const s = settle;
    settle = null;
    if (s === null) return;
    stopped = true;
    if (result instanceof Error) s.reject(result);
    else s.resolve(result);
  };
  const ack: AckMessage = { type: 'ack' };
  worker.on('message', (m: WorkerMessage) => {
    if (stopped) return;
    try {
      if (m.type === 'batch') {
        onBatch(m);
        worker.postMessage(ack);
      } else if (m.type === 'done') {
        end(m);
        // tsx's loader (the bootstrap fallback) keeps a port open in the worker, so it would not exit on its own.
        void worker.terminate();
      } else {
        void worker.terminate();
        end(m.fileError === null ? new Error(m.message) : new ImportFileError(m.fileError.code, m.message, m.fileError.line));
      }
    } catch (error) {
      end(error instanceof Error ? error : new Error(String(error)));
      void worker.terminate();
    }
  });
  worker.on('error', (error) => end(new Error(`map worker for ${spec.table.file} failed: ${error.message}`)));
  worker.on('exit', (code) => end(new Error(`map worker for ${spec.table.file} stopped (exit code ${code}) before it finished`)));
  return {
    finished,
    async stop(): Promise<void> {
      stopped = true;
      end(new Error('stopped'));
      await worker.terminate();
    },
  };
}
