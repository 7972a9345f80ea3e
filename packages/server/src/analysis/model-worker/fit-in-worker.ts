/**
 * The models fitted in a worker thread, so that they run on the second core while this thread loads the lines
 * and computes the per-customer analytics (10M orders: 4.7 s of fitting and predictions). The worker gets a
 * copy of the order columns (structured clone). Where a worker cannot start or fails, the models are fitted
 * on this thread instead, with the same result.
 */
import type { Worker } from 'node:worker_threads';
import type { OrderColumns } from '@huitou/core';
import type { AnalysisOptions } from '../analysis-options.ts';
import { computeModels } from '../compute-analysis.ts';
import type { ModelPart } from '../compute-analysis.ts';
import { startTypeScriptWorker } from '../../workers/typescript-worker.ts';

const MODEL_WORKER = {
  entry: new URL('./model-worker.ts', import.meta.url),
  bootstrap: new URL('./bootstrap.mjs', import.meta.url),
};

/** Starts the fit; the promise gives the models (from the worker, or computed here if the worker failed). */
export function fitModelsInWorker(orders: OrderColumns, options: AnalysisOptions): Promise<ModelPart> {
  if (!options.predictions) return Promise.resolve(computeModels(orders, options));
  return new Promise<ModelPart>((resolve) => {
    let done = false;
    const fallback = () => {
      if (done) return;
      done = true;
      resolve(computeModels(orders, options));
    };
    let worker: Worker;
    try {
      worker = startTypeScriptWorker(MODEL_WORKER, { workerData: { orders, options }, stdout: false, stderr: false });
    } catch {
      fallback();
      return;
    }
    worker.once('message', (part: ModelPart) => {
      if (done) return;
      done = true;
      resolve(part);
      void worker.terminate();
    });
    worker.once('error', fallback);
    worker.once('exit', fallback);
  });
}
