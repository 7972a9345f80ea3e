import { describe, expect, it } from 'vitest';
import { unitHash } from './decide-touch.ts';

describe('unitHash', () => {
  it('spreads sequential customer ids evenly (holdout shares come out as configured)', () => {
    for (const share of [0.05, 0.1, 0.2, 0.5]) {
      let held = 0;
      const n = 20_000;
      for (let id = 1; id <= n; id++) if (unitHash(`winback|holdout|${id}`) < share) held++;
      expect(Math.abs(held / n - share)).toBeLessThan(0.01);
    }
  });

  it('is stable and independent between campaigns', () => {
    expect(unitHash('a|holdout|42')).toBe(unitHash('a|holdout|42'));
    let both = 0;
    for (let id = 1; id <= 20_000; id++) if (unitHash(`a|holdout|${id}`) < 0.1 && unitHash(`b|holdout|${id}`) < 0.1) both++;
    expect(Math.abs(both / 20_000 - 0.01)).toBeLessThan(0.004);
  });
});
