/**
 * Sends every queued touch of the send benchmark's database to the simulator with the Aliyun client and
 * prints wall time, messages/s, peak memory and where the time went: database statements by kind (lease,
 * findBlocked, record, renew) and the rest (HTTP client + JS).
 *
 *   node --import tsx send-run.ts DB SIM_URL TIME_ZONE BATCH CONCURRENCY
 */
import { createAliyunSmsChannel } from '../../src/engine/channels/sms/index.ts';
import { runSender } from '../../src/engine/outbox/sender.ts';
import { SIM_DEFAULT_CREDENTIALS } from '../../src/engine/sms-sim/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { SIGN_NAME } from '../../test/reliability/reliability-shop.ts';

const [dbPath, simUrl, timeZone, batchArg, concurrencyArg] = process.argv.slice(2);
if (dbPath === undefined || simUrl === undefined || timeZone === undefined) throw new Error('usage: send-run DB SIM_URL TIME_ZONE BATCH CONCURRENCY');
const db = await openStore({ path: dbPath, trace: (ms, sql) => {
  const s = sql.replace(/\s+/g, ' ').trim();
  const kind = s.startsWith('UPDATE touches SET status = \'sending\'') ? 'lease'
    : s.startsWith('SELECT t.touch_id, EXISTS') ? 'findBlocked'
      : s.startsWith('UPDATE touches SET lease_until') ? 'renew'
        : /o_outcomes|UPDATE touches SET status = o\.status/.test(s) ? 'record'
          : 'other';
  dbMs[kind] = (dbMs[kind] ?? 0) + ms;
} });
const dbMs: Record<string, number> = {};
const sms = createAliyunSmsChannel({ endpoint: simUrl, signName: SIGN_NAME, ...SIM_DEFAULT_CREDENTIALS.aliyun, providerDedupes: true, maxPerSecond: 1_000_000 });
let sendMs = 0;
let inFlight = 0;
let busySince = 0;
const timed = {
  capabilities: sms.capabilities,
  send: async (...args: Parameters<typeof sms.send>) => {
    if (inFlight++ === 0) busySince = performance.now();
    try {
      return await sms.send(...args);
    } finally {
      if (--inFlight === 0) sendMs += performance.now() - busySince;
    }
  },
};
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let batches = 0;
const stats = await runSender(db, {
  owner: 'bench', channels: new Map([['sms', timed]]), timeZone, stopWhenIdle: true, leaseMs: 120_000,
  batchSize: Number(batchArg ?? 2000), concurrency: Number(concurrencyArg ?? 128), onBatch: () => batches++,
});
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const left = await db.all(`SELECT status, count(*) AS n FROM touches GROUP BY status`);
db.close();
console.log(JSON.stringify({
  ms, sent: stats.sent, retried: stats.retried, dead: stats.dead, skipped: stats.skipped, deferred: stats.deferred, batches,
  perSecond: stats.sent / (ms / 1000), maxRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (cpu.user + cpu.system) / 1000,
  dbMs: Object.fromEntries(Object.entries(dbMs).map(([k, v]) => [k, Math.round(v)])), sendingMs: Math.round(sendMs),
  statuses: Object.fromEntries(left.map((r) => [String(r['status']), Number(r['n'])])),
}));
