/**
 * Benchmark: write N orders of the legacy Taobao export pair (GBK) with the demo generator.
 * Run: `npx tsx packages/server/bench/generate.bench.ts [orders=1000000] [customers]`
 * Files go to a temporary directory under os.tmpdir() and are deleted afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTaobaoExportPair } from '../src/demo/index.ts';

async function main(): Promise<void> {
  const orders = Number(process.argv[2] ?? 1_000_000);
  const customers = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  const dir = await mkdtemp(join(tmpdir(), 'huitou-generate-bench-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  try {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await writeTaobaoExportPair(
      dir,
      { orders, seed: 1, endDate: '2025-06-30', ...(customers === undefined ? {} : { customers }) },
      () => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const mb = result.bytes / 1e6;
    console.log(`orders ${result.orders.toLocaleString('en')} · lines ${result.lines.toLocaleString('en')} · customers ${result.customers.toLocaleString('en')}`);
    console.log(`time ${seconds.toFixed(2)} s · ${Math.round(result.orders / seconds).toLocaleString('en')} orders/s`);
    console.log(`cpu ${cpuSeconds.toFixed(2)} s (user+system, all threads) · ${Math.round(result.orders / cpuSeconds).toLocaleString('en')} orders per cpu-second`);
    console.log(`written ${mb.toFixed(1)} MB (${(mb / seconds).toFixed(1)} MB/s) · peak RSS ${(peakRss / 1e6).toFixed(0)} MB`);
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
