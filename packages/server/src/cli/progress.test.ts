import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalProgress } from './progress.ts';

function sink(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({ write(chunk: Buffer, _enc, done) { chunks.push(chunk.toString()); done(); } });
  return { out, text: () => chunks.join('') };
}

describe('terminal progress', () => {
  it('redraws at most every interval, but always when the label changes (a new file or the merge)', () => {
    const { out, text } = sink();
    const p = terminalProgress(out, 60_000);
    p.update('orders.csv', 16384, null);
    p.update('orders.csv', 32768, null);
    p.update('正在合并入库 orders.csv', 32768, null);
    p.finish();
    expect(text()).toBe('\rorders.csv 16,384\r\u001b[2K\r正在合并入库 orders.csv 32,768\r\u001b[2K');
  });

  it('draws a bar when the total is known, and nothing at finish when nothing was shown', () => {
    const { out, text } = sink();
    const p = terminalProgress(out, 0);
    p.finish();
    p.update('x', 1, 4);
    expect(text()).toBe(`\rx [${'#'.repeat(8)}${'.'.repeat(22)}]  25%`);
  });
});
