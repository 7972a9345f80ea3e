import { afterEach, describe, expect, it } from 'vitest';
import type { TypeScriptWorker } from './typescript-worker.ts';
import { startTypeScriptWorker } from './typescript-worker.ts';

const DOUBLE: TypeScriptWorker = {
  entry: new URL('./fixtures/double-worker.ts', import.meta.url),
  bootstrap: new URL('./fixtures/bootstrap.mjs', import.meta.url),
};

function run(worker: TypeScriptWorker, n: number): Promise<{ value: number; bundled: boolean }> {
  return new Promise((resolve, reject) => {
    const w = startTypeScriptWorker(worker, { workerData: n, stdout: false, stderr: false });
    w.once('message', (m: { value: number; bundled: boolean }) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

describe('startTypeScriptWorker', () => {
  afterEach(() => {
    delete process.env['HUITOU_WORKER_BUNDLE'];
  });

  it('runs the entry and what it imports from one bundle', async () => {
    expect(await run(DOUBLE, 21)).toEqual({ value: 42, bundled: true });
    expect(await run(DOUBLE, 5)).toEqual({ value: 10, bundled: true });
  });

  it('starts through the bootstrap (tsx) when bundling is turned off', async () => {
    process.env['HUITOU_WORKER_BUNDLE'] = '0';
    expect(await run(DOUBLE, 4)).toEqual({ value: 8, bundled: false });
  });

  it('starts through the bootstrap when bundling warns (import.meta in a CommonJS bundle)', async () => {
    const meta: TypeScriptWorker = {
      entry: new URL('./fixtures/meta-worker.ts', import.meta.url),
      bootstrap: new URL('./fixtures/meta-bootstrap.mjs', import.meta.url),
    };
    expect(await run(meta, 0)).toEqual({ value: 1, bundled: false });
  });

  it('falls back to the bootstrap when the entry cannot be bundled', async () => {
    const broken: TypeScriptWorker = { entry: new URL('./fixtures/no-such-worker.ts', import.meta.url), bootstrap: DOUBLE.bootstrap };
    expect(await run(broken, 3)).toEqual({ value: 6, bundled: false });
  });
});
