/** Benchmark worker: runs the whole analysis on a prepared database and prints {ms, maxRssMb, timings}. */
import { parseDay } from '@huitou/core';
import { defaultAnalysisOptions } from '../../src/analysis/analysis-options.ts';
import { runAnalysis } from '../../src/analysis/run-analysis.ts';
import { openStore } from '../../src/store/open-store.ts';

const [dbPath, asOf, memoryLimit] = process.argv.slice(2);
if (dbPath === undefined || asOf === undefined) throw new Error('usage: analyze-shop DB AS_OF [MEMORY_LIMIT]');
const db = await openStore(memoryLimit === undefined ? { path: dbPath } : { path: dbPath, memoryLimit });
const t0 = performance.now();
const run = await runAnalysis(db, 1, 'Asia/Shanghai', defaultAnalysisOptions(parseDay(asOf)));
const ms = performance.now() - t0;
db.close();
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, timings: run.timings, summary: run.summary }));
