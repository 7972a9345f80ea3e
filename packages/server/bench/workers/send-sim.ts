/**
 * The SMS simulator in its own process for the send benchmark (so its CPU is not the sender's): prints
 * `{"url": …}` once listening, answers until SIGTERM. No JSONL recording, no injected faults.
 */
import { startSmsSimulator } from '../../src/engine/sms-sim/index.ts';

const sim = await startSmsSimulator({ failures: { invalidSuffixes: [] } });
console.log(JSON.stringify({ url: sim.url }));
process.on('SIGTERM', () => {
  void sim.close().then(() => process.exit(0));
});
