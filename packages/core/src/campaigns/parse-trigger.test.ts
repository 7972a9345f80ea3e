import { describe, expect, it } from 'vitest';
import { parseTrigger, TRIGGER_KINDS } from './parse-trigger.ts';

describe('parseTrigger', () => {
  it('accepts each kind in its documented shape', () => {
    const good: unknown[] = [
      { kind: 'once', at: { year: 2026, month: 11, day: 23, hour: 10, minute: 0 } },
      { kind: 'once', at: '2026-11-23 10:00' },
      { kind: 'recurring', cron: '0 10 * * 1' },
      { kind: 'birthday', daysBefore: 0 },
      { kind: 'anniversary', daysBefore: 3, minYears: 1 },
      { kind: 'member_day', daysOfMonth: [8, 18], daysBefore: 1 },
      { kind: 'retail_date', code: 'double11', daysBefore: 10 },
      { kind: 'shop_date', code: 'store-anniversary', daysBefore: 3 },
      { kind: 'after_order', days: 3 },
      { kind: 'sku_due', leadDays: 3 },
      { kind: 'stage_entered', stage: 'silent' },
      { kind: 'palive_below', threshold: 0.3 },
      { kind: 'tier_upgrade' },
    ];
    for (const doc of good) expect(parseTrigger(doc), JSON.stringify(doc)).toMatchObject({ ok: true });
    expect(parseTrigger({ kind: 'once', at: '2026-11-23 10:00' })).toEqual({ ok: true, spec: { kind: 'once', at: { year: 2026, month: 11, day: 23, hour: 10, minute: 0 } } });
  });

  it('names the field of every missing, mistyped or unknown part instead of throwing', () => {
    const issues = (doc: unknown) => {
      const r = parseTrigger(doc);
      return r.ok ? [] : r.issues.map((i) => i.path);
    };
    expect(issues({ kind: 'once' })).toEqual(['at']);
    expect(issues({ kind: 'once', at: '23/11/2026' })).toEqual(['at']);
    expect(issues({ kind: 'once', at: '2026-02-30 10:00' })).toEqual(['at']);
    expect(issues({ kind: 'recurring', cron: 5 })).toEqual(['cron']);
    expect(issues({ kind: 'member_day', daysOfMonth: 'every', daysBefore: 0 })).toEqual(['daysOfMonth']);
    expect(issues({ kind: 'after_order', days: 3, extra: true })).toEqual(['extra']);
    expect(issues({ kind: 'nope' })).toEqual(['kind']);
    expect(issues({ kind: '__proto__' })).toEqual(['kind']);
    expect(issues({ kind: 'toString' })).toEqual(['kind']);
    expect(issues(null)).toEqual(['']);
    expect(issues('once')).toEqual(['']);
    expect(issues({ kind: 'retail_date', code: 'x'.repeat(10_000), daysBefore: 1 })).toEqual(['code']);
  });

  it('never throws on random documents', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values: unknown[] = [null, undefined, 0, -1, 1.5, NaN, Infinity, '', 'x', '0 10 * * 1', [], [1, 2], {}, { year: 1 }, true, { __proto__: { a: 1 } }];
    const pick = () => values[Math.floor(rand() * values.length)];
    const fields = ['at', 'cron', 'daysBefore', 'minYears', 'daysOfMonth', 'code', 'days', 'leadDays', 'stage', 'threshold', 'minTierCode', 'other'];
    for (let i = 0; i < 5000; i++) {
      const doc: Record<string, unknown> = { kind: rand() < 0.9 ? TRIGGER_KINDS[Math.floor(rand() * TRIGGER_KINDS.length)] : pick() };
      for (const f of fields) if (rand() < 0.4) doc[f] = pick();
      expect(() => parseTrigger(doc)).not.toThrow();
    }
  });
});
