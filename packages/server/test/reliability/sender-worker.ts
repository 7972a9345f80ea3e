/**
 * Child process of the crash test: opens the DuckDB file, builds the Aliyun client against the simulator
 * and runs the sender until no touch is queued or leased — unless it is SIGKILLed first, which is the
 * point. Prints `ready` once the store is open and one JSON line of stats at the end.
 *
 *   node --import tsx sender-worker.ts DB SIM_URL TIME_ZONE OWNER LEASE_MS BATCH CONCURRENCY [DEADLINE_MS]
 */
import { createAliyunSmsChannel } from '../../src/engine/channels/sms/index.ts';
import { runSender } from '../../src/engine/outbox/sender.ts';
import { SIM_DEFAULT_CREDENTIALS } from '../../src/engine/sms-sim/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { SIGN_NAME } from './reliability-shop.ts';

const [dbPath, simUrl, timeZone, owner, leaseArg, batchArg, concurrencyArg, deadlineArg] = process.argv.slice(2);
if (dbPath === undefined || simUrl === undefined || timeZone === undefined || owner === undefined) {
  throw new Error('usage: sender-worker DB SIM_URL TIME_ZONE OWNER LEASE_MS BATCH CONCURRENCY [DEADLINE_MS]');
}
const leaseMs = Number(leaseArg ?? 1500);
const batchSize = Number(batchArg ?? 200);
const concurrency = Number(concurrencyArg ?? 32);
const deadline = Date.now() + Number(deadlineArg ?? 50_000);

const db = await openStore({ path: dbPath });
const sms = createAliyunSmsChannel({
  endpoint: simUrl, signName: SIGN_NAME, ...SIM_DEFAULT_CREDENTIALS.aliyun, providerDedupes: true, maxPerSecond: 1_000_000, timeoutMs: 5_000,
});
console.log('ready');
const totals = { sent: 0, retried: 0, dead: 0, skipped: 0, deferred: 0, rounds: 0 };
// runSender returns when nothing is leasable; touches still leased by a killed predecessor become leasable
// when that lease expires, so go round until nothing is queued or sending (bounded by the deadline).
while (Date.now() < deadline) {
  const stats = await runSender(db, { owner, channels: new Map([['sms', sms]]), timeZone, stopWhenIdle: true, leaseMs, batchSize, concurrency });
  totals.sent += stats.sent;
  totals.retried += stats.retried;
  totals.dead += stats.dead;
  totals.skipped += stats.skipped;
  totals.deferred += stats.deferred;
  totals.rounds++;
  const left = await db.all(`SELECT count(*) AS n FROM touches WHERE status IN ('queued', 'sending')`);
  if (Number(left[0]?.['n'] ?? 0) === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
db.close();
console.log(JSON.stringify({ ...totals, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
