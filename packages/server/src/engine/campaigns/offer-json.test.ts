import type { Offer } from '@huitou/core';
import { describe, expect, it } from 'vitest';
import { offerFromJson, offerToJson } from './offer-json.ts';

describe('offer JSON (touches.offer)', () => {
  it('round-trips every kind of offer', () => {
    const offers: Offer[] = [
      { kind: 'threshold', thresholdCents: 15_000, amountCents: 2_000, validDays: 14 },
      { kind: 'discount', zhe: 8.5, validDays: 7 },
      { kind: 'discount', zhe: 9, capCents: 5_000, validDays: 30 },
      { kind: 'free_shipping', months: 3 },
      { kind: 'no_threshold', amountCents: 1_000, validDays: 14 },
    ];
    for (const o of offers) expect(offerFromJson(offerToJson(o))).toEqual(o);
  });

  it('is null for anything that is not a valid offer', () => {
    for (const text of ['', 'null', '[]', '{"kind":"bogus"}', '{"kind":"no_threshold","amountCents":-5,"validDays":14}',
      '{"kind":"threshold","thresholdCents":100,"amountCents":200,"validDays":14}', '{"kind":"discount","zhe":"9","validDays":7}',
      '{"kind":"no_threshold","amountCents":10.5,"validDays":14}', '{'.repeat(10_000), '"\\u0000"']) {
      expect(offerFromJson(text)).toBeNull();
    }
  });
});
