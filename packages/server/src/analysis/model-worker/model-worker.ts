/** Worker thread: fits the customer-base models on the orders it is given and posts the ModelPart back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { OrderColumns } from '@huitou/core';
import type { AnalysisOptions } from '../analysis-options.ts';
import { computeModels } from '../compute-analysis.ts';

const { orders, options } = workerData as { orders: OrderColumns; options: AnalysisOptions };
parentPort?.postMessage(computeModels(orders, options));
