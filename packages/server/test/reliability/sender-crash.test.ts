/**
 * reliability.md §6.1 — crash mid-campaign. 10,000 touches planned through planCampaignDay, sent by the
 * real Aliyun client to the SMS simulator (which de-duplicates on the idempotency key) from a sender in a
 * child process that is SIGKILLed five times at random moments while requests are in flight, then run to
 * completion. Every touch must end `sent`, none lost or dead, and the simulator must hold exactly one
 * message per idempotency key; the duplicates it suppressed (resends after a kill) are reported.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmsSimulator } from '../../src/engine/sms-sim/index.ts';
import type { SmsSimulator } from '../../src/engine/sms-sim/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { tempDir } from '../support/paths.ts';
import { seededRandom, testSeed } from './prng.ts';
import { daytimeZone, makeShop, planNow } from './reliability-shop.ts';

const TOUCHES = Number(process.env['CRASH_TOUCHES'] ?? 10_000);
const KILLS = 5;
const LEASE_MS = 1_500;
const BATCH = 250;
const CONCURRENCY = 32;
const WORKER = fileURLToPath(new URL('./sender-worker.ts', import.meta.url));

interface Worker {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function startWorker(dbPath: string, sim: SmsSimulator, timeZone: string, owner: string): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dbPath, sim.url, timeZone, owner, String(LEASE_MS), String(BATCH), String(CONCURRENCY), '45000'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.includes('ready\n')) markReady();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      markReady();
      resolve({ code, signal, stdout, stderr });
    }));
  return { child, ready, exited };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await sleep(5);
  }
  return true;
}

describe('sender crash (kill -9 mid-campaign)', () => {
  const dir = tempDir('huitou-crash-');
  let sim: SmsSimulator | undefined;
  afterAll(async () => {
    await sim?.close();
    dir.remove();
  });

  it(`loses nothing and sends each of ${TOUCHES} messages exactly once at the provider across ${KILLS} SIGKILLs`, async () => {
    const seed = testSeed();
    const random = seededRandom(seed);
    const t0 = performance.now();
    const dbPath = join(dir.path, 'crash.duckdb');
    const timeZone = daytimeZone(Date.now());
    const setup = await openStore({ path: dbPath });
    await makeShop(setup, TOUCHES, timeZone);
    const plan = await planNow(setup, Date.now(), timeZone);
    expect(plan.queued).toBe(TOUCHES);
    setup.close();
    const planMs = performance.now() - t0;

    // Every accepted message is answered 0–15 ms late: a kill in that gap hits a message the provider has
    // recorded and we have not (besides the batch whose outcomes are recorded only at its end).
    sim = await startSmsSimulator({ failures: { invalidSuffixes: [], delayMs: 8 } });
    const kills: { afterMs: number; accepted: number; resent: number }[] = [];
    for (let k = 0; k < KILLS; k++) {
      const worker = startWorker(dbPath, sim, timeZone, `w${k}`);
      await worker.ready;
      const before = sim.stats();
      // Kill only once this worker has requests out, after a random further 20–1500 ms: early kills hit
      // the re-leased batch of the previous worker, later ones fresh batches, mid-request or mid-record.
      const started = await until(() => sim!.stats().requests > before.requests, 20_000);
      const afterMs = Math.round(20 + random() * 1480);
      await sleep(afterMs);
      const killed = worker.child.kill('SIGKILL');
      const exit = await worker.exited;
      const after = sim.stats();
      kills.push({ afterMs, accepted: after.accepted - before.accepted, resent: after.duplicates - before.duplicates });
      expect(started, `worker ${k} never sent: ${exit.stderr}`).toBe(true);
      expect(killed && exit.signal === 'SIGKILL', `worker ${k} ended before the kill: ${exit.code} ${exit.stderr}`).toBe(true);
    }
    sim.setFailures({ invalidSuffixes: [] });
    const last = startWorker(dbPath, sim, timeZone, 'final');
    const done = await last.exited;
    expect(done.code, done.stderr).toBe(0);
    const finalStats = JSON.parse(done.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;

    const db = await openStore({ path: dbPath });
    const counts = await db.all(`SELECT status, count(*) AS n FROM touches GROUP BY status`);
    expect(counts).toEqual([{ status: 'sent', n: TOUCHES }]);
    const attempts = await db.all(`SELECT attempts, count(*) AS n FROM touches GROUP BY attempts ORDER BY attempts`);
    const touches = await db.all(`SELECT idempotency_key, provider_message_id FROM touches`);
    db.close();

    const stats = sim.stats();
    const messages = sim.messages();
    const byKey = new Map(messages.map((m) => [m.idempotencyKey, m.providerMessageId]));
    expect(messages).toHaveLength(TOUCHES);
    expect(byKey.size).toBe(TOUCHES);
    expect(stats.accepted).toBe(TOUCHES);
    // Each touch points at the one message the provider holds for its key (a resend got the original id back).
    for (const t of touches) expect(byKey.get(String(t['idempotency_key']))).toBe(String(t['provider_message_id']));

    console.log(JSON.stringify({
      seed, timeZone, touches: TOUCHES, planMs: Math.round(planMs), totalMs: Math.round(performance.now() - t0), kills,
      duplicatesSuppressed: stats.duplicates, requests: stats.requests, finalWorker: finalStats,
      attempts: attempts.map((a) => `${String(a['attempts'])}:${String(a['n'])}`).join(' '),
    }));
  });
});
