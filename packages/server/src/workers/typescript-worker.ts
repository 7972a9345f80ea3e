/**
 * Starting a worker thread whose code is TypeScript. Loading it through tsx costs each worker its own loader
 * thread and ~0.3 s of CPU (a 1M-order import starts four map workers), so the entry is bundled once per
 * process with esbuild (tsx's own compiler; ~70 ms for the map worker) into one CommonJS script that each worker
 * evaluates (~25 ms). When bundling fails or warns, or HUITOU_WORKER_BUNDLE=0, the worker starts through its
 * bootstrap.mjs, which registers tsx and imports the entry.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';
import { buildSync } from 'esbuild';

/** A worker's TypeScript entry and the .mjs bootstrap next to it (the fallback). */
export interface TypeScriptWorker {
  readonly entry: URL;
  readonly bootstrap: URL;
}

const bundles = new Map<string, string | null>();

/** Starts `worker` with `options` (the bundled script, or the bootstrap). */
export function startTypeScriptWorker(worker: TypeScriptWorker, options: Omit<WorkerOptions, 'eval'>): Worker {
  const code = bundled(worker.entry);
  return code === null ? new Worker(worker.bootstrap, options) : new Worker(code, { ...options, eval: true });
}

/** The entry bundled as one script, memoised per process; null when it cannot be bundled. */
function bundled(entry: URL): string | null {
  if (process.env['HUITOU_WORKER_BUNDLE'] === '0') return null;
  const known = bundles.get(entry.href);
  if (known !== undefined) return known;
  let code: string | null = null;
  try {
    const out = buildSync({
      entryPoints: [fileURLToPath(entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false,
      logLevel: 'silent',
    });
    // A warning (e.g. import.meta, which a CommonJS bundle cannot keep) means the bundle may not behave as the
    // modules do: use the bootstrap instead.
    code = out.errors.length === 0 && out.warnings.length === 0 ? (out.outputFiles[0]?.text ?? null) : null;
  } catch {
    code = null;
  }
  bundles.set(entry.href, code);
  return code;
}
