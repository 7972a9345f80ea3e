/** Benchmark helpers: run a worker script in a fresh Node process and read the one JSON line it prints. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface WorkerResult {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly [key: string]: unknown;
}

/** Runs bench/workers/<name>.ts with args (and env) under tsx; returns its JSON result. */
export function runWorker(name: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): WorkerResult {
  const script = fileURLToPath(new URL(`../workers/${name}.ts`, import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  if (run.status !== 0) throw new Error(`${name} failed (${run.status}): ${run.stderr}`);
  const last = run.stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as WorkerResult;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Peak resident set size of this process so far, in MB. */
export function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function loadAverage(): string {
  return (process.platform === 'linux' ? require_os().loadavg() : [0, 0, 0]).map((x) => x.toFixed(2)).join(' ');
}

import * as os from 'node:os';
function require_os(): typeof os {
  return os;
}
