import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCdnowSample, parseCdnowSummaryCsv } from '../test-support/cdnow.ts';
import { compressRfm } from './compress.ts';
import { dayNumberFromCompact, dayNumberFromYmd } from './day-number.ts';
import { summarizeTransactions } from './rfm-summary.ts';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const dataFile = (name: string): string => readFileSync(`${repoRoot}../shared/data/${name}`, 'utf8');

describe('summarizeTransactions', () => {
  it('counts distinct repeat days, drops the trial day from spend, splits holdout', () => {
    const d0 = dayNumberFromYmd(2024, 1, 1);
    const tx = {
      customer: Int32Array.from([0, 0, 0, 0, 0, 1, 2, 2]),
      day: Int32Array.from([d0, d0, d0 + 7, d0 + 7, d0 + 20, d0 + 3, d0 + 1, d0 + 40]),
      amount: Float64Array.from([5, 5, 10, 20, 99, 7, 1, 2]),
    };
    const s = summarizeTransactions(tx, { calibrationEndDay: d0 + 14, unit: 'day' });
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(Array.from(s.value.x)).toEqual([1, 0, 0]);
    expect(Array.from(s.value.tx)).toEqual([7, 0, 0]);
    expect(Array.from(s.value.T)).toEqual([14, 11, 13]);
    expect(Array.from(s.value.meanSpend)).toEqual([30, 0, 0]);
    expect(Array.from(s.value.holdoutX)).toEqual([1, 0, 1]);
  });
  it('excludes customers first seen after the calibration end and rejects unsorted input', () => {
    const tx = { customer: Int32Array.from([0, 1]), day: Int32Array.from([10, 30]), amount: Float64Array.from([1, 1]) };
    const s = summarizeTransactions(tx, { calibrationEndDay: 20 });
    expect(s.ok && Array.from(s.value.customer)).toEqual([0]);
    const bad = summarizeTransactions({ customer: Int32Array.from([1, 0]), day: Int32Array.from([1, 1]), amount: Float64Array.from([1, 1]) }, { calibrationEndDay: 5 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('INVALID_INPUT');
  });
  it('reproduces the CDNOW calibration summary (x, t_x, T, spend statistics)', () => {
    const s = summarizeTransactions(parseCdnowSample(dataFile('CDNOW_sample.txt')), { calibrationEndDay: dayNumberFromCompact(19970930), unit: 'week' });
    if (!s.ok) throw new Error(s.error.message);
    const v = s.value;
    const csv = parseCdnowSummaryCsv(dataFile('cdnow_customers_summary_with_transactions.csv'));
    expect(v.x.length).toBe(2357);
    for (let i = 0; i < v.x.length; i++) {
      expect(v.x[i]).toBe(csv.x[i]);
      expect(Math.abs(v.tx[i]! - csv.tx[i]!)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(v.T[i]! - csv.T[i]!)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    const spends = Array.from(v.meanSpend).filter((_, i) => v.x[i]! > 0).sort((a, b) => a - b);
    const mean = spends.reduce((a, b) => a + b, 0) / spends.length;
    const sd = Math.sqrt(spends.reduce((a, b) => a + (b - mean) ** 2, 0) / (spends.length - 1));
    expect(spends.length).toBe(946);
    expect(mean).toBeCloseTo(35.08, 2);
    expect(sd).toBeCloseTo(30.28, 2);
    expect(spends[0]).toBeCloseTo(2.99, 2);
    expect((spends[472]! + spends[473]!) / 2).toBeCloseTo(27.5, 2);
    expect(spends[945]).toBeCloseTo(299.63, 2);
  });
});

describe('compressRfm', () => {
  it('collapses identical tuples and sums weights', () => {
    const c = compressRfm([0, 0, 1, 1, 0], [0, 0, 2, 2, 0], [5, 5, 7, 7, 6], [1, 2, 1, 1, 1]);
    expect(Array.from(c.x)).toEqual([0, 1, 0]);
    expect(Array.from(c.weight)).toEqual([3, 2, 1]);
    expect(Array.from(c.T)).toEqual([5, 7, 6]);
  });
});
