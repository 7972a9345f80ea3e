import { describe, expect, it } from 'vitest';
import { parseCampaignText } from './campaign-definition.ts';
import { DEFAULT_CAPS, decideTouch, unitHash } from './decide-touch.ts';
import type { Candidate } from './plan-candidates.ts';

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

describe('decideTouch holdout', () => {
  const parsed = parseCampaignText(
    `key: h\nname: h\nkind: marketing\ntrigger: { kind: once, at: { year: 2026, month: 6, day: 30, hour: 10, minute: 0 } }\nchannels: [sms]\nholdout: 0.5\ncontent:\n  sms:\n    - text: "【店】您好。回T退订"\n`,
    { signName: '店' },
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const def = parsed.campaign;
  const candidate = (customerId: number, consent: string | null): Candidate => ({
    customerId, name: null, nick: null, phone: '13800000000', email: null, tier: null, timeZone: null, episode: 'e', consentSms: consent, consentEmail: null,
    suppressedSms: false, suppressedEmail: false, sentMarketing: 0, queuedMarketingPriority: null, marketingSmsInMonth: 0, careInDay: 0, lastProduct: null, dueSku: null, dueOn: null,
  });

  it('holds out only customers who would otherwise be sent, so the two groups are comparable', () => {
    const eligible = Array.from({ length: 2000 }, (_, i) => decideTouch(def, candidate(i + 1, 'granted'), DEFAULT_CAPS));
    const held = eligible.filter((d) => d.status === 'holdout').length;
    expect(held / 2000).toBeGreaterThan(0.45);
    expect(held / 2000).toBeLessThan(0.55);
    expect(eligible.every((d) => d.status !== 'skipped')).toBe(true);
    // Without consent nobody is held out: they are skipped whatever their hash says.
    const blocked = Array.from({ length: 200 }, (_, i) => decideTouch(def, candidate(i + 1, null), DEFAULT_CAPS));
    expect(blocked.every((d) => d.status === 'skipped')).toBe(true);
  });
});
