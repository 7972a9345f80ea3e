/**
 * The HTTP ceiling of the send benchmark: the Aliyun client alone (no database, no sender) sending
 * COUNT messages to SIM_URL with CONCURRENCY requests in flight. Prints messages/s and CPU.
 *
 *   node --import tsx send-http-probe.ts SIM_URL COUNT CONCURRENCY
 */
import { createAliyunSmsChannel } from '../../src/engine/channels/sms/index.ts';
import { SIM_DEFAULT_CREDENTIALS } from '../../src/engine/sms-sim/index.ts';

const [url, countArg, concurrencyArg] = process.argv.slice(2);
if (url === undefined) throw new Error('usage: send-http-probe SIM_URL COUNT CONCURRENCY');
const count = Number(countArg ?? 20_000);
const sms = createAliyunSmsChannel({ endpoint: url, signName: '可靠性测试店', ...SIM_DEFAULT_CREDENTIALS.aliyun, providerDedupes: true, maxPerSecond: 1_000_000 });
let next = 0;
let ok = 0;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
await Promise.all(Array.from({ length: Number(concurrencyArg ?? 128) }, async () => {
  while (next < count) {
    const i = next++;
    const r = await sms.send({
      idempotencyKey: `probe-${t0}-${i}`, touchId: i, kind: 'marketing', to: `139${String(i).padStart(8, '0')}`, subject: null, body: '【可靠性测试店】客户，新品到店，欢迎回来看看。回T退订',
      unsubscribeUrl: null, template: { id: 'HUITOU_TEXT', params: { content: '客户，新品到店，欢迎回来看看。回T退订' } }, metadata: {},
    });
    if (r.ok) ok++;
  }
}));
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms, ok, perSecond: ok / (ms / 1000), cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
