/**
 * huitou campaign results in-process, end to end: orders imported, a campaign planned with a holdout, the
 * touches marked sent, results read; importing newer orders changes them. Bad input exits 2.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignResults } from '../../src/engine/results/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { tempDir } from '../support/paths.ts';
import { cli, json } from '../support/run-cli.ts';

const CARE = `
key: thanks
name: { zh: 感谢回访, en: Thank-you }
kind: care
trigger: { kind: once, at: { year: 2026, month: 6, day: 30, hour: 10, minute: 0 } }
audience: { everyone: true }
channels: [sms]
holdout: 0.5
attribution: { windowDays: 5 }
content:
  sms:
    - text: "【小店】{{customer.name | default:\\"亲\\"}}，谢谢惠顾！"
`;

const customers = 40;
const header = 'order_id,customer_id,order_time,amount,status,phone';
const phone = (i: number) => `1380000${String(i).padStart(4, '0')}`;

describe('huitou campaign results', () => {
  const dir = tempDir();
  const db = join(dir.path, 'shop.duckdb');
  const env = { HUITOU_SMS_SIGN: '小店' };
  beforeAll(async () => {
    const rows = [header];
    for (let i = 1; i <= customers; i++) rows.push(`A${i},c${i},2026-06-01 10:00:00,100,completed,${phone(i)}`);
    writeFileSync(join(dir.path, 'old.csv'), rows.join('\n'));
    expect((await cli(['import', join(dir.path, 'old.csv'), '--db', db])).code).toBe(0);
    writeFileSync(join(dir.path, 'thanks.yaml'), CARE);
    expect((await cli(['campaign', 'plan', join(dir.path, 'thanks.yaml'), '--db', db, '--date', '2026-06-30'], env)).code).toBe(0);
    // Planned on today's clock: move the touches to 2026-06-30 10:00 Shanghai, then do the sender's part by hand.
    const store = await openStore({ path: db });
    await store.run(`UPDATE touches SET not_before = TIMESTAMPTZ '2026-06-30 02:00:00+00'`);
    await store.run(`UPDATE touches SET status = 'sent', sent_at = not_before, cost_cents = 4.5 WHERE status = 'queued'`);
    store.close();
  });
  afterAll(() => dir.remove());

  it('prints one JSON document; importing newer orders changes the result', async () => {
    const before = json<CampaignResults>(await cli(['campaign', 'results', 'thanks', '--db', db, '--json'], env));
    const c = before.campaigns[0]!;
    expect(c).toMatchObject({ key: 'thanks', windowDays: 5 });
    expect(c.totals.treated.customers + c.totals.holdout.customers).toBe(customers);
    expect(c.totals.holdout.customers).toBeGreaterThan(5);
    expect(c.totals.treated.conversions + c.totals.holdout.conversions).toBe(0);
    expect(c.totals.uplift?.absolute.estimate).toBe(0);
    expect(before.methods.absoluteUplift).toMatch(/Newcombe/);

    // Every customer buys again the next day (inside the window), and once more three weeks later (outside).
    const rows = [header];
    for (let i = 1; i <= customers; i++) rows.push(`B${i},c${i},2026-07-01 12:00:00,50,paid,${phone(i)}`, `C${i},c${i},2026-07-21 12:00:00,80,paid,${phone(i)}`);
    writeFileSync(join(dir.path, 'new.csv'), rows.join('\n'));
    expect((await cli(['import', join(dir.path, 'new.csv'), '--db', db])).code).toBe(0);
    const after = json<CampaignResults>(await cli(['campaign', 'results', 'thanks', '--db', db, '--json'], env)).campaigns[0]!.totals;
    expect(after.treated).toMatchObject({ conversions: c.totals.treated.customers, revenue: 50 * c.totals.treated.customers });
    expect(after.holdout).toMatchObject({ conversions: c.totals.holdout.customers, revenue: 50 * c.totals.holdout.customers });
    // --window 30 takes in the later orders too.
    const wide = json<CampaignResults>(await cli(['campaign', 'results', '--window', '30', '--db', db, '--json'], env));
    expect(wide.windowDaysOverride).toBe(30);
    expect(wide.campaigns[0]!.totals.treated.revenue).toBe(130 * c.totals.treated.customers);
  });

  it('prints a table in English and Chinese', async () => {
    const en = await cli(['campaign', 'results', '--db', db, '--lang', 'en'], env);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('thanks (感谢回访) — window 5 days, gross margin 30.0%');
    expect(en.stdout).toContain('Uplift (95% CI)');
    expect(en.stdout).toContain('Newcombe');
    const zh = await cli(['campaign', 'results', '--db', db, '--lang', 'zh'], { ...env, HUITOU_GROSS_MARGIN: '0.45' });
    expect(zh.stdout).toContain('归因窗口 5 天，毛利率 45.0%');
    expect(zh.stdout).toContain('提升（95% 区间）');
  });

  it('bad input exits 2 with a clear message', async () => {
    const unknown = await cli(['campaign', 'results', 'nope', '--db', db], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no campaign "nope"');
    const zero = await cli(['campaign', 'results', '--window', '0', '--db', db], env);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--window must be between 1 and 90, got 0');
    const abc = await cli(['campaign', 'results', '--window', 'abc', '--db', db], env);
    expect(abc.code).toBe(2);
    expect(abc.stderr).toContain('--window takes a whole number, got "abc"');
    const margin = await cli(['campaign', 'results', '--db', db], { ...env, HUITOU_GROSS_MARGIN: '2' });
    expect(margin.code).not.toBe(0);
    expect(margin.stderr).toContain('HUITOU_GROSS_MARGIN');
  });
});
