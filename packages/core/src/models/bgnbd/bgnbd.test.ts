import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareRfm } from '../rfm-input.ts';
import { dayNumberFromYmd } from '../summary/day-number.ts';
import { summarizeTransactions, type RfmSummary } from '../summary/rfm-summary.ts';
import { parseCdnowSample, parseCdnowSummaryCsv } from '../test-support/cdnow.ts';
import { bgnbdConditionalExpected, bgnbdExpectedPurchases, bgnbdProbabilityAlive, bgnbdProbabilityOfPurchases } from './expectations.ts';
import { fitBgNbd, type BgNbdFit } from './fit.ts';
import { bgnbdNegLogLik, bgnbdWorkspace } from './likelihood.ts';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const dataFile = (name: string): string => readFileSync(`${repoRoot}../shared/data/${name}`, 'utf8');
const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const BTYD = { r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 };
let summary: RfmSummary;
let fit: BgNbdFit;
let lifetimesFit: BgNbdFit;

beforeAll(() => {
  const s = summarizeTransactions(parseCdnowSample(dataFile('CDNOW_sample.txt')), { calibrationEndDay: dayNumberFromYmd(1997, 9, 30), unit: 'week' });
  if (!s.ok) throw new Error(s.error.message);
  summary = s.value;
  const f = fitBgNbd(summary);
  if (!f.ok) throw new Error(f.error.message);
  fit = f.value;
  const csv = parseCdnowSummaryCsv(dataFile('cdnow_customers_summary_with_transactions.csv'));
  const g = fitBgNbd(csv);
  if (!g.ok) throw new Error(g.error.message);
  lifetimesFit = g.value;
});

describe('BG/NBD on CDNOW (exact days / 7)', () => {
  it('reproduces the published estimates and log-likelihood', () => {
    expect(fit.converged).toBe(true);
    expect(relErr(fit.r, 0.2426)).toBeLessThan(1e-3);
    expect(relErr(fit.alpha, 4.4136)).toBeLessThan(1e-3);
    expect(relErr(fit.a, 0.7929)).toBeLessThan(1e-3);
    expect(relErr(fit.b, 2.4259)).toBeLessThan(1e-3);
    expect(Math.abs(fit.logLikelihood - -9582.43)).toBeLessThan(0.05);
    expect(Math.abs(fit.logLikelihood - -9582.429207)).toBeLessThan(1e-5);
    // Standard errors exist and are plausible (CLVTools: 0.0126, 0.378, 0.186, 0.705).
    expect(fit.standardErrors).not.toBeNull();
    expect(fit.standardErrors!.r).toBeCloseTo(0.0126, 3);
    expect(fit.standardErrors!.b).toBeCloseTo(0.705, 2);
  });
  it('reaches the lifetimes optimum on the 2-dp rounded summary CSV', () => {
    expect(Math.abs(lifetimesFit.logLikelihood - -9582.4256)).toBeLessThan(1e-3);
    expect(relErr(lifetimesFit.r, 0.242593)).toBeLessThan(1e-4);
    expect(relErr(lifetimesFit.b, 2.425752)).toBeLessThan(1e-4);
  });
});

describe('BG/NBD expectations (published values)', () => {
  it('E[Y(39) | 2, 30.43, 38.86] = 1.226 with the paper parameters', () => {
    expect(Math.abs(bgnbdConditionalExpected(PAPER, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(1e-3);
  });
  it('E[X(t)] matches the Hardie spreadsheet at the fitted parameters', () => {
    const ts = [0.1429, 1, 3, 31.8571, 32, 78];
    const want = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    ts.forEach((t, i) => expect(Math.abs(bgnbdExpectedPurchases(lifetimesFit, t) - want[i]!)).toBeLessThan(1.5e-3));
    ts.forEach((t, i) => expect(Math.abs(bgnbdExpectedPurchases(fit, t) - want[i]!)).toBeLessThan(1.5e-3));
  });
  it('P(X(t) = n) matches BTYD', () => {
    expect(Math.abs(bgnbdProbabilityOfPurchases(PAPER, 2, 10) - 1.07869e-7)).toBeLessThan(1e-12);
    expect(Math.abs(bgnbdProbabilityOfPurchases(PAPER, 39, 0) - 0.5737864)).toBeLessThan(1e-7);
    const want = [0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.000222226];
    want.forEach((w, i) => expect(Math.abs(bgnbdProbabilityOfPurchases(PAPER, 30, 11 + i) - w)).toBeLessThan(1e-9));
    let total = 0;
    for (let n = 0; n < 400; n++) total += bgnbdProbabilityOfPurchases(PAPER, 30, n);
    expect(total).toBeCloseTo(1, 10);
  });
  it('matches the BTYD walkthrough: customer 1516, the x sequence and expectation(52)', () => {
    expect(relErr(bgnbdConditionalExpected(BTYD, 52, 26, 30.85714, 31), 25.75659)).toBeLessThan(1e-5);
    expect(relErr(bgnbdProbabilityAlive(BTYD, 26, 30.85714, 31), 0.9688523)).toBeLessThan(1e-6);
    const want = [0.3474606, 0.04283391, 0.004158973, 0.0003583685];
    [10, 15, 20, 25].forEach((x, i) => expect(relErr(bgnbdConditionalExpected(BTYD, 52, x, 20, 39), want[i]!)).toBeLessThan(1e-5));
    expect(relErr(bgnbdExpectedPurchases(BTYD, 52), 1.444004)).toBeLessThan(1e-6);
    // Same checks with our own fit (it is BTYD's optimum to 1e-4).
    expect(relErr(bgnbdConditionalExpected(fit, 52, 26, 30.85714, 31), 25.75659)).toBeLessThan(2e-4);
    expect(relErr(bgnbdExpectedPurchases(fit, 52), 1.444004)).toBeLessThan(2e-4);
  });
  it('sums of E[Y(39)] over customers are in the range of the holdout repeat purchases', () => {
    let predicted = 0, actual = 0;
    for (let i = 0; i < summary.x.length; i++) {
      predicted += bgnbdConditionalExpected(fit, 39, summary.x[i]!, summary.tx[i]!, summary.T[i]!);
      actual += summary.holdoutX[i]!;
    }
    // 1653 predicted vs 1882 distinct-day holdout purchases: a sanity range, not a published figure.
    expect(actual).toBe(1882);
    expect(Math.abs(predicted / actual - 1)).toBeLessThan(0.2);
  });
});

describe('BG/NBD analytic gradient', () => {
  it('agrees with central finite differences', () => {
    const prepared = prepareRfm(summary);
    if (!prepared.ok) throw new Error(prepared.error.message);
    const ws = bgnbdWorkspace(prepared.value);
    for (const theta of [[Math.log(0.3), Math.log(5), Math.log(0.7), Math.log(2)], [0.5, -1, 1.2, -0.4], [-2, 3, -1.5, 0.8]]) {
      const g = new Float64Array(4);
      bgnbdNegLogLik(theta, prepared.value, ws, g);
      for (let j = 0; j < 4; j++) {
        const h = 1e-6;
        const tp = theta.slice(); tp[j] = theta[j]! + h;
        const tm = theta.slice(); tm[j] = theta[j]! - h;
        const fd = (bgnbdNegLogLik(tp, prepared.value, ws) - bgnbdNegLogLik(tm, prepared.value, ws)) / (2 * h);
        expect(Math.abs(g[j]! - fd)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
      }
    }
  });
});
