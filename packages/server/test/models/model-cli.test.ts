/**
 * huitou model fit/predict through the real importer: the CDNOW 1/10 sample with calibration end
 * 1997-09-30 in weeks must reproduce the published estimates (../shared/docs/clv-reference.md), and hard
 * cases must fail with clear messages instead of NaN.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData, tempDir } from '../support/paths.ts';
import { cli, json } from '../support/run-cli.ts';

const within = (got: number, want: number, rel: number) => expect(Math.abs(got / want - 1)).toBeLessThan(rel);

interface FitDoc {
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
  gammaGamma: { p: number; q: number; gamma: number; logLikelihood: number };
  holdout: { predicted: number; actual: number; byFrequency: { x: number; customers: number }[] } | null;
}

describe('model fit on the CDNOW sample', () => {
  const dir = tempDir();
  const db = join(dir.path, 'cdnow.duckdb');
  beforeAll(async () => {
    expect((await cli(['import', sharedData('CDNOW_sample.txt'), '--db', db, '--tz', 'UTC'])).code).toBe(0);
  });
  afterAll(() => dir.remove());

  it('reproduces the published BG/NBD and Gamma-Gamma estimates', async () => {
    const run = await cli(['model', 'fit', '--db', db, '--calibration-end', '1997-09-30', '--unit', 'week', '--json']);
    expect(run.code).toBe(0);
    const doc = json<FitDoc>(run);
    within(doc.bgnbd.r, 0.2426, 0.001);
    within(doc.bgnbd.alpha, 4.4136, 0.001);
    within(doc.bgnbd.a, 0.7929, 0.001);
    within(doc.bgnbd.b, 2.4259, 0.001);
    expect(Math.abs(doc.bgnbd.logLikelihood - -9582.43)).toBeLessThan(0.05);
    within(doc.gammaGamma.p, 6.2496, 0.002);
    within(doc.gammaGamma.q, 3.7442, 0.002);
    within(doc.gammaGamma.gamma, 15.4435, 0.002);
    expect(doc.holdout).not.toBeNull();
    expect(doc.holdout!.byFrequency.reduce((a, r) => a + r.customers, 0)).toBe(2357);
    expect(doc.holdout!.byFrequency[0]).toMatchObject({ x: 0, customers: 1411 });
  });

  it('without data after the calibration end there is no back-test', async () => {
    const doc = json<FitDoc>(await cli(['model', 'fit', '--db', db, '--unit', 'week', '--json']));
    expect(doc.holdout).toBeNull();
  });

  it('predict lists customers with finite predictions', async () => {
    const run = await cli(['model', 'predict', '--db', db, '--as-of', '1998-06-30', '--limit', '5', '--json']);
    expect(run.code).toBe(0);
    const doc = json<{ customers: { pAlive: number; clv: number; churnRisk: string }[] }>(run);
    expect(doc.customers).toHaveLength(5);
    for (const c of doc.customers) {
      expect(c.pAlive).toBeGreaterThanOrEqual(0);
      expect(c.pAlive).toBeLessThanOrEqual(1);
      expect(Number.isFinite(c.clv)).toBe(true);
    }
  });
});

describe('model hard cases', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  async function shop(name: string, csv: string): Promise<string> {
    const db = join(dir.path, `${name}.duckdb`);
    writeFileSync(join(dir.path, `${name}.csv`), csv);
    expect((await cli(['import', join(dir.path, `${name}.csv`), '--db', db])).code).toBe(0);
    return db;
  }

  it('no repeat purchases: cannot fit, says why', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `o${i},c${i},2024-0${1 + (i % 9)}-1${i % 10} 10:00:00,99`);
    const db = await shop('no-repeat', `order_id,customer_id,order_time,amount\n${rows.join('\n')}\n`);
    const run = await cli(['model', 'fit', '--db', db, '--json']);
    expect(run.code).toBe(1);
    expect(json<{ error: { code: string; message: string } }>(run).error.message).toMatch(/repeat/i);
  });

  it('fewer than 100 customers: refuses unless --allow-small, in Chinese too', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `o${i}a,c${i},2024-01-0${1 + (i % 9)} 10:00:00,10\no${i}b,c${i},2024-03-1${i % 10} 10:00:00,12`);
    const db = await shop('small', `order_id,customer_id,order_time,amount\n${rows.join('\n')}\n`);
    const refused = await cli(['model', 'fit', '--db', db, '--lang', 'zh']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('100');
    const allowed = await cli(['model', 'fit', '--db', db, '--allow-small', '--json']);
    expect(allowed.code).toBe(0);
    const doc = json<FitDoc>(allowed);
    for (const v of [doc.bgnbd.r, doc.bgnbd.alpha, doc.bgnbd.a, doc.bgnbd.b, doc.bgnbd.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
  });

  it('all customers on one day: a clear error, not NaN', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `o${i},c${i},2024-05-01 10:00:00,20`);
    const db = await shop('one-day', `order_id,customer_id,order_time,amount\n${rows.join('\n')}\n`);
    const run = await cli(['model', 'fit', '--db', db, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('NaN');
  });
});

describe('model recommend on the demo shop', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('beats the most-popular baseline on a holdout and explains each item', async () => {
    const db = join(dir.path, 'demo.duckdb');
    expect((await cli(['demo', '--customers', '2500', '--end-date', '2026-06-30', '--db', db, '--out', join(dir.path, 'exports')])).code).toBe(0);
    const evaluation = json<{ model: { hitRate: number }; popular: { hitRate: number }; customersEvaluated: number }>(
      await cli(['model', 'recommend', '--db', db, '--as-of', '2026-06-30', '--evaluate', '--json']),
    );
    expect(evaluation.customersEvaluated).toBeGreaterThan(100);
    expect(evaluation.model.hitRate).toBeGreaterThan(evaluation.popular.hitRate);
    const recs = json<{ customers: { customerId: number; items: { sku: string; reason: string; label: string }[] }[] }>(
      await cli(['model', 'recommend', '--db', db, '--as-of', '2026-06-30', '--limit', '3', '--json', '--lang', 'zh']),
    );
    expect(recs.customers).toHaveLength(3);
    for (const c of recs.customers) {
      expect(c.items.length).toBeGreaterThan(0);
      for (const it of c.items) expect(['due_replenishment', 'bought_together', 'bought_after', 'popular']).toContain(it.reason);
    }
  }, 120_000);
});
