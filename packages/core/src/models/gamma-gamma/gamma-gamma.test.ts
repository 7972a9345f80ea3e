import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayNumberFromYmd } from '../summary/day-number.ts';
import { summarizeTransactions, type RfmSummary } from '../summary/rfm-summary.ts';
import { parseCdnowSample, parseCdnowSummaryCsv } from '../test-support/cdnow.ts';
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaExpectedSpendResult, type GammaGammaFit } from './fit.ts';
import { gammaGammaNegLogLik, type PreparedSpend } from './likelihood.ts';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const dataFile = (name: string): string => readFileSync(`${repoRoot}../shared/data/${name}`, 'utf8');
const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

let summary: RfmSummary;
let fit: GammaGammaFit;
beforeAll(() => {
  const s = summarizeTransactions(parseCdnowSample(dataFile('CDNOW_sample.txt')), { calibrationEndDay: dayNumberFromYmd(1997, 9, 30) });
  if (!s.ok) throw new Error(s.error.message);
  summary = s.value;
  const f = fitGammaGamma(summary.x, summary.meanSpend);
  if (!f.ok) throw new Error(f.error.message);
  fit = f.value;
});

describe('Gamma-Gamma on CDNOW', () => {
  it('reproduces Fader & Hardie (2013) with exact mean spends', () => {
    expect(fit.customers).toBe(946);
    expect(relErr(fit.p, 6.2496)).toBeLessThan(2e-3);
    expect(relErr(fit.q, 3.7442)).toBeLessThan(2e-3);
    expect(relErr(fit.gamma, 15.4435)).toBeLessThan(2e-3);
    expect(Math.abs(fit.logLikelihood - -4055.9177)).toBeLessThan(0.01);
    expect(fit.standardErrors).not.toBeNull();
  });
  it("reproduces lifetimes' optimum on the 2-dp zbar", () => {
    const csv = parseCdnowSummaryCsv(dataFile('cdnow_customers_summary_with_transactions.csv'));
    const f = fitGammaGamma(csv.x, csv.zbar);
    expect(f.ok && Math.abs(f.value.logLikelihood - -4055.9232)).toBeLessThan(1e-3);
  });
  it('E[M | x, m] for the first 10 customers matches the Hardie spreadsheet (atol 0.1)', () => {
    const want = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    want.forEach((w, i) => expect(Math.abs(gammaGammaExpectedSpend(fit, summary.x[i]!, summary.meanSpend[i]!) - w)).toBeLessThan(0.1));
  });
  it('refuses q <= 1', () => {
    const r = gammaGammaExpectedSpendResult({ p: 6, q: 0.9, gamma: 15 }, 2, 30);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('GG_Q_NOT_ABOVE_ONE');
  });
  it('has an analytic gradient that agrees with finite differences', () => {
    const xs = Float64Array.from([1, 1, 2, 3, 7, 2]);
    const ms = Float64Array.from([10, 25, 40, 12.5, 30, 55]);
    const distinct = Float64Array.from([1, 2, 3, 7]);
    const xIndex = Int32Array.from([0, 0, 1, 2, 3, 1]);
    const weight = new Float64Array(6).fill(1);
    const d: PreparedSpend = {
      x: xs, m: ms, weight, mx: xs.map((x, i) => x * ms[i]!), xIndex, distinctX: distinct, totalWeight: 6,
      sumWLnM: ms.reduce((s, m) => s + Math.log(m), 0), sumWXLnMX: xs.reduce((s, x, i) => s + x * Math.log(x * ms[i]!), 0),
      weightAtX: Float64Array.from([2, 2, 1, 1]), wxAtX: Float64Array.from([2, 4, 3, 7]),
    };
    const scratch = new Float64Array(4);
    const theta = [Math.log(3), Math.log(2.5), Math.log(20)];
    const g = new Float64Array(3);
    gammaGammaNegLogLik(theta, d, scratch, g);
    for (let j = 0; j < 3; j++) {
      const h = 1e-6;
      const tp = theta.slice(); tp[j] = theta[j]! + h;
      const tm = theta.slice(); tm[j] = theta[j]! - h;
      const fd = (gammaGammaNegLogLik(tp, d, scratch) - gammaGammaNegLogLik(tm, d, scratch)) / (2 * h);
      expect(Math.abs(g[j]! - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
    }
  });
});
