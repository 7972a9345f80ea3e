import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runSmsSimulatorCli, smsSimOptionsFromArgv } from './sim-cli.ts';

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return { stream, text: () => text };
}

describe('huitou sms-sim entry point', () => {
  it('parses options', async () => {
    expect(await smsSimOptionsFromArgv(['--port', '0', '--failure-rate', '0.05', '--rate-limit', '50', '--delay-ms', '10', '--invalid-suffix', '0000', '--invalid-suffix', '9999', '--record', 'x.jsonl'])).toMatchObject({
      port: 0, recordFile: 'x.jsonl', failures: { failureRate: 0.05, maxPerSecond: 50, delayMs: 10, invalidSuffixes: ['0000', '9999'] },
    });
  });

  it('runs until stopped and prints the endpoint and credentials', async () => {
    const out = sink();
    const err = sink();
    const stop = new AbortController();
    const running = runSmsSimulatorCli(['--port', '0', '--failure-rate', '0.5'], { stdout: out.stream, stderr: err.stream }, stop.signal);
    for (let i = 0; i < 100 && !out.text().includes('listening'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const url = /listening on (\S+)/.exec(out.text())?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${url}/sim/failures`)).json()).toMatchObject({ failureRate: 0.5 });
    stop.abort();
    expect(await running).toBe(0);
    expect(out.text()).toContain('sms-sim stopped');
  });

  it('exits 2 with usage on bad arguments', async () => {
    const out = sink();
    const err = sink();
    expect(await runSmsSimulatorCli(['--failure-rate', '7'], { stdout: out.stream, stderr: err.stream })).toBe(2);
    expect(err.text()).toContain('usage: huitou sms-sim');
    expect(await runSmsSimulatorCli(['--bogus'], { stdout: out.stream, stderr: err.stream })).toBe(2);
  });
});
