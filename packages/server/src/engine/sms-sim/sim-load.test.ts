import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, SendOutcome } from '../channels/channel.ts';
import { aliyunFor, careMessage, tencentFor, TEST_TEMPLATES } from '../channels/sms/sms-test-fixtures.ts';
import { startSmsSimulator, type SmsSimulator } from './sim-server.ts';

let sim: SmsSimulator;
beforeAll(async () => {
  sim = await startSmsSimulator({ templates: TEST_TEMPLATES, failures: { invalidSuffixes: [] } });
});
afterAll(async () => {
  await sim.close();
});

async function sendAll(channel: Channel, count: number, offset: number, template: { id: string; params: Record<string, string> }, concurrency: number): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < count) {
      const i = next++;
      outcomes.push(await channel.send(careMessage(`138${String(offset + i).padStart(8, '0')}`, template)));
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

describe('sms-sim load', () => {
  it('2,000 signed sends (1,000 per protocol) through the simulator', async () => {
    const started = performance.now();
    const [aliyun, tencent] = await Promise.all([
      sendAll(aliyunFor(sim, { timeoutMs: 30_000 }), 1000, 0, { id: 'SMS_CARE_001', params: { name: '王', item: '杯' } }, 16),
      sendAll(tencentFor(sim, { timeoutMs: 30_000 }), 1000, 1000, { id: '449739', params: { '1': '王', '2': '杯' } }, 16),
    ]);
    const seconds = (performance.now() - started) / 1000;
    console.log(`sms-sim load: 2000 sends in ${seconds.toFixed(2)} s = ${(2000 / seconds).toFixed(0)} sends/s`);
    expect([...aliyun, ...tencent].filter((outcome) => !outcome.ok)).toEqual([]);
    expect(sim.stats()).toMatchObject({ accepted: 2000, duplicates: 0, byProvider: { aliyun: 1000, tencent: 1000 } });
  });
});
