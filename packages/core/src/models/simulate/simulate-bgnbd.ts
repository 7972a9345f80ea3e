/**
 * Exact simulation from the BG/NBD generative story (Fader, Hardie & Lee 2005, section 3):
 * λ ~ Gamma(r, rate α), p ~ Beta(a, b); purchases form a Poisson(λ) process from the trial at
 * time 0; after each repeat purchase the customer drops out with probability p. Spend per
 * transaction ~ Gamma(p_s, rate ν) with ν ~ Gamma(q, rate γ) (Gamma-Gamma), so the mean of x
 * transactions is Gamma(p_s x, rate ν x).
 */
import type { BgNbdParams } from '../bgnbd/fit.ts';
import type { GammaGammaParams } from '../gamma-gamma/fit.ts';
import { createRng } from './prng.ts';

/** Simulated calibration summary plus mean repeat spend. */
export interface SimulatedCustomers {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly meanSpend: Float64Array;
}

/** Simulation settings: T ~ U(tMin, tMax). */
export interface SimulationOptions {
  readonly customers: number;
  readonly tMin: number;
  readonly tMax: number;
  readonly seed: number;
  readonly spend?: GammaGammaParams;
}

/** Draw `customers` independent BG/NBD customers (and Gamma-Gamma spends when `spend` is set). */
export function simulateBgNbd(params: BgNbdParams, options: SimulationOptions): SimulatedCustomers {
  const rng = createRng(options.seed);
  const n = options.customers;
  const x = new Float64Array(n), tx = new Float64Array(n), T = new Float64Array(n), meanSpend = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lambda = rng.gamma(params.r) / params.alpha;
    const p = rng.beta(params.a, params.b);
    const Ti = options.tMin + (options.tMax - options.tMin) * rng.uniform();
    let t = 0, k = 0, last = 0;
    for (;;) {
      t += -Math.log(1 - rng.uniform()) / lambda;
      if (!(t <= Ti)) break;
      k++;
      last = t;
      if (rng.uniform() < p) break;
    }
    x[i] = k; tx[i] = last; T[i] = Ti;
    if (options.spend !== undefined && k > 0) {
      const nu = rng.gamma(options.spend.q) / options.spend.gamma;
      meanSpend[i] = rng.gamma(options.spend.p * k) / (nu * k);
    }
  }
  return { x, tx, T, meanSpend };
}
