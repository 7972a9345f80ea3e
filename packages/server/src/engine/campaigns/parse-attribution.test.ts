import { describe, expect, it } from 'vitest';
import { parseCampaignText } from './campaign-definition.ts';

const BASE = `key: a\nname: a\nkind: care\ntrigger: { kind: once, at: { year: 2026, month: 6, day: 30, hour: 10, minute: 0 } }\nchannels: [task]\ncontent:\n  task:\n    - text: "回访"\n`;

describe('attribution in a campaign definition', () => {
  it('defaults to a 7-day window and accepts 1–90', () => {
    const plain = parseCampaignText(BASE, { signName: '店' });
    expect(plain.ok && plain.campaign.attribution).toEqual({ windowDays: 7 });
    const set = parseCampaignText(`${BASE}attribution: { windowDays: 14 }\n`, { signName: '店' });
    expect(set.ok && set.campaign.attribution).toEqual({ windowDays: 14 });
  });

  it.each(['0', '91', '2.5', '"7"'])('rejects windowDays %s with a bilingual issue at its path', (value) => {
    const bad = parseCampaignText(`${BASE}attribution: { windowDays: ${value} }\n`, { signName: '店' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues).toEqual([expect.objectContaining({ path: 'attribution.windowDays', messageZh: expect.stringContaining('1–90') })]);
  });

  it('rejects unknown keys and non-objects', () => {
    const typo = parseCampaignText(`${BASE}attribution: { window: 7 }\n`, { signName: '店' });
    expect(!typo.ok && typo.issues.map((i) => i.path)).toEqual(['attribution.window']);
    const scalar = parseCampaignText(`${BASE}attribution: 7\n`, { signName: '店' });
    expect(!scalar.ok && scalar.issues.map((i) => i.path)).toEqual(['attribution']);
  });
});
