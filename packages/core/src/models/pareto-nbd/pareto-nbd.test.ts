import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayNumberFromYmd } from '../summary/day-number.ts';
import { summarizeTransactions } from '../summary/rfm-summary.ts';
import { parseCdnowSample } from '../test-support/cdnow.ts';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdExpectedPurchases, paretoNbdProbabilityAlive, type ParetoNbdFit } from './fit.ts';
import { paretoNbdLogLikOne } from './likelihood.ts';

const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
const dataFile = (name: string): string => readFileSync(`${repoRoot}../shared/data/${name}`, 'utf8');
const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

let fit: ParetoNbdFit;
beforeAll(() => {
  const s = summarizeTransactions(parseCdnowSample(dataFile('CDNOW_sample.txt')), { calibrationEndDay: dayNumberFromYmd(1997, 9, 30) });
  if (!s.ok) throw new Error(s.error.message);
  const f = fitParetoNbd(s.value);
  if (!f.ok) throw new Error(f.error.message);
  fit = f.value;
});

describe('Pareto/NBD on CDNOW', () => {
  it('reproduces the CLVTools/BTYD estimates and log-likelihood', () => {
    expect(relErr(fit.r, 0.55315)).toBeLessThan(1e-3);
    expect(relErr(fit.alpha, 10.57633)).toBeLessThan(1e-3);
    expect(relErr(fit.s, 0.60625)).toBeLessThan(1e-3);
    expect(relErr(fit.beta, 11.6715)).toBeLessThan(1e-3);
    expect(Math.abs(fit.logLikelihood - -9594.976)).toBeLessThan(0.01);
    // CLVTools SEs 0.0476, 0.843, 0.187, 6.21 (tolerance: Hessian method differs).
    expect(relErr(fit.standardErrors!.r, 0.0476264)).toBeLessThan(0.05);
    expect(relErr(fit.standardErrors!.s, 0.1872594)).toBeLessThan(0.05);
  });
  it('matches the BTYD walkthrough expectations', () => {
    expect(relErr(paretoNbdExpectedPurchases(fit, 52), 1.473434)).toBeLessThan(1e-4);
    expect(relErr(paretoNbdConditionalExpected(fit, 52, 26, 30.85714, 31), 25.45647)).toBeLessThan(1e-4);
    expect(relErr(paretoNbdProbabilityAlive(fit, 26, 30.85714, 31), 0.997874)).toBeLessThan(1e-5);
    const want = [0.7062289, 0.1442396, 0.02250658, 0.00309267];
    [10, 15, 20, 25].forEach((x, i) => expect(relErr(paretoNbdConditionalExpected(fit, 52, x, 20, 39), want[i]!)).toBeLessThan(2e-3));
  });
  it('matches the lifetimes test expectations', () => {
    const p = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
    expect(Math.abs(paretoNbdProbabilityAlive(p, 26, 30.86, 31) - 0.9979)).toBeLessThan(1e-3);
    expect(Math.abs(paretoNbdConditionalExpected(p, 52, 26, 30.86, 31) - 25.46)).toBeLessThan(0.01);
    const want = [0, 0.05077821, 0.09916088, 0.14542507, 0.1897993, 0.23247466, 0.27361274, 0.31335159, 0.35181024, 0.38909211];
    want.forEach((w, t) => expect(Math.abs(paretoNbdExpectedPurchases(p, t) - w)).toBeLessThan(0.01));
    const u = { r: 10.58, alpha: 11.67, s: 0.55, beta: 0.61 };
    const d = paretoNbdConditionalExpected(u, 10, 132, 200, 200) - paretoNbdConditionalExpected(u, 10, 133, 200, 200);
    expect(Math.abs(d)).toBeLessThan(0.05);
  });
  it('stays finite for x = 500, t_x = T and both α/β branches', () => {
    for (const p of [fit, { ...fit, alpha: fit.beta }, { ...fit, alpha: 20 }]) {
      for (const [x, tx, T] of [[500, 20, 39], [500, 39, 39], [0, 0, 39], [3, 0, 0], [1000, 38.9, 39]] as const) {
        expect(Number.isFinite(paretoNbdLogLikOne(p, x, tx, T))).toBe(true);
        const pa = paretoNbdProbabilityAlive(p, x, tx, T);
        expect(pa >= 0 && pa <= 1).toBe(true);
        expect(Number.isFinite(paretoNbdConditionalExpected(p, 52, x, tx, T))).toBe(true);
      }
    }
  });
});
