/**
 * End to end in headless Chromium against a real server (demo shop, real store, SMS simulator, background
 * sender): log in, open every page, create a campaign from a playbook template and launch it to the
 * simulator, upload the next period's orders, and see the campaign's result; hostile text renders inert; an
 * analyst's browser never receives an unmasked phone; pages fit a phone's width.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { logIn as signIn } from './support/log-in.ts';
import type { SignedIn } from './support/log-in.ts';
import type { Role } from '../../src/api/access.ts';
import { startE2eServer } from './support/e2e-server.ts';
import type { E2eServer } from './support/e2e-server.ts';

let e2e: E2eServer;
let browser: Browser;

const XSS_NAME = '<img src=x onerror="window.__xss=1">召回';
const XSS_CUSTOMER = '<script>window.__xss=2</script><img src=x onerror="window.__xss=3">';
const XSS_ADDRESS = '<svg onload="window.__xss=5">省';
const CAMPAIGN_KEY = 'e2e-sleeping';

beforeAll(async () => {
  [e2e, browser] = await Promise.all([startE2eServer({ customers: 1500 }), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.close();
});

/** Signs in as the e2e user of this role (see support/log-in.ts). */
const logIn = (role: Role, viewport?: { width: number; height: number }): Promise<SignedIn> => signIn(browser, e2e.server.url, role, viewport);

const shanghai = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(ms));

describe('the dashboard, end to end', () => {
  it('logs in and opens every page with its data and charts drawn', async () => {
    const { context, page, errors } = await logIn('operator');
    await expect.poll(() => page.getByTestId('kpi-returningBuyers-value').textContent()).toMatch(/\d/);
    await page.locator('[data-testid="chart-trend"][data-ready="true"]').waitFor();

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-row').first().waitFor();
    expect(await page.getByTestId('customer-row').count()).toBeGreaterThan(5);
    await page.getByTestId('filter-search').fill('tb');
    await page.getByTestId('customer-row').first().waitFor();
    await page.getByTestId('customer-name').first().click();
    await page.getByTestId('page-profile').waitFor();
    await page.getByTestId('profile-order').first().waitFor();
    await page.getByTestId('profile-predictions').waitFor();

    await page.getByTestId('nav-segments').click();
    for (const chart of ['chart-rfm', 'chart-funnel', 'chart-tiers', 'chart-pareto', 'chart-cohorts']) {
      await page.locator(`[data-testid="${chart}"][data-ready="true"]`).waitFor();
    }
    await page.getByTestId('nav-campaigns').click();
    await page.getByTestId('campaign-row').first().waitFor();
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('upload-drop-zone').waitFor();

    const before = await page.getByTestId('nav-overview').textContent();
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('nav-overview').textContent()).not.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('launches a campaign to the SMS simulator, imports the next orders and shows what it earned', async () => {
    const { context, page, errors } = await logIn('operator');
    const today = shanghai(Date.now()).slice(0, 10);
    await page.goto(`${e2e.server.url}/#/campaigns/new?template=silent-winback`);
    const editor = page.getByTestId('campaign-editor');
    await expect.poll(async () => (await editor.inputValue()).includes('key: silent-winback')).toBe(true);
    const template = await editor.inputValue();
    const text = template
      .replace('key: silent-winback', `key: ${CAMPAIGN_KEY}`)
      .replace(/^name: .*$/m, `name: '${XSS_NAME}'`)
      .replace(/^priority: .*$/m, 'priority: 95')
      .replace(/^trigger: .*$/m, `trigger: { kind: once, at: "${today} 00:00" }`)
      .replace('    - consent: sms', '    - consent: sms\n    - lifecycle: sleeping')
      .replace(/^holdout: .*$/m, 'holdout: 0.3')
      .replace('好久不见！', "好久不见！<img src=x onerror='window.__xss=4'>");
    expect(text).toContain(`key: ${CAMPAIGN_KEY}`);
    await editor.fill(text);
    await page.getByTestId('campaign-validate').click();
    await page.locator('[data-testid="campaign-validation"][data-valid="true"]').waitFor();
    await page.getByTestId('campaign-preview-button').click();
    await page.getByTestId('preview-audience').waitFor();
    expect(Number((await page.getByTestId('preview-audience').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(10);
    await expect.poll(async () => (await page.getByTestId('preview-sample').first().textContent()) ?? '').toContain('<img src=x');
    await page.getByTestId('campaign-save').click();
    await page.getByTestId('page-campaign').waitFor();
    await expect.poll(() => page.getByTestId('page-campaign').textContent()).toContain(XSS_NAME);

    await page.getByTestId('launch-button').click();
    await page.getByTestId('launch-confirm').click();
    await page.getByTestId('launch-result').waitFor();
    await page.locator('[data-testid="campaign-status"][data-status="active"]').waitFor();

    // The background sender delivers the queued touches to the simulator.
    const touches = async () => e2e.server.db.all<{ status: string; n: number }>(
      `SELECT t.status, count(*) AS n FROM touches t JOIN campaigns c USING (campaign_id) WHERE c.campaign_key = $1 GROUP BY 1`, [CAMPAIGN_KEY]);
    await expect.poll(async () => (await touches()).some((r) => r.status === 'queued' || r.status === 'sending'), { timeout: 60_000 }).toBe(false);
    const counts = Object.fromEntries((await touches()).map((r) => [r.status, Number(r.n)]));
    expect(counts['sent']).toBeGreaterThan(5);
    expect(counts['holdout']).toBeGreaterThan(0);
    // Each sent touch reached the simulator exactly once: its coupon code (printed as XXXX-XXXX-XXXX) is in one message.
    const codes = await e2e.server.db.all<{ offer_code: string }>(
      `SELECT t.offer_code FROM touches t JOIN campaigns c USING (campaign_id) WHERE c.campaign_key = $1 AND t.status = 'sent'`, [CAMPAIGN_KEY]);
    const simTexts = e2e.server.smsSimulator!.messages().map((m) => JSON.stringify(m).replaceAll('-', ''));
    expect(codes).toHaveLength(counts['sent']!);
    for (const { offer_code: code } of codes) expect(simTexts.filter((m) => m.includes(code)), code).toHaveLength(1);
    await page.reload();
    await expect.poll(async () => Number((await page.getByTestId('touches-sent').textContent())?.replace(/\D/g, '')), { timeout: 15_000 }).toBe(counts['sent']);

    // The next period: half of the messaged customers buy within the window, nobody in the holdout does; one new
    // customer has a hostile name.
    const sent = await e2e.server.db.all<{ key_value: string }>(
      `SELECT cu.key_value FROM touches t JOIN campaigns c USING (campaign_id) JOIN customers cu ON cu.customer_id = t.customer_id
        WHERE c.campaign_key = $1 AND t.status = 'sent' ORDER BY t.customer_id`, [CAMPAIGN_KEY]);
    const buyers = sent.slice(0, Math.ceil(sent.length / 2));
    const at = shanghai(Date.now() + 60_000);
    const csvRows = ['order_id,customer_id,order_time,amount,status,sku,title,quantity,unit_price,name,province,city'];
    buyers.forEach((b, i) => csvRows.push(`E2E-${i},${csvCell(b.key_value)},${at},88.00,paid,SKU-E2E,湿巾 80抽,1,88.00,,,`));
    csvRows.push(`E2E-X,e2e-hostile,${at},10.00,paid,SKU-E2E,${csvCell('<b>湿巾</b>')},1,10.00,${csvCell(XSS_CUSTOMER)},${csvCell(XSS_ADDRESS)},${csvCell("'><iframe src=javascript:alert(1)>")}`);
    const file = join(e2e.dir, 'next-period.csv');
    writeFileSync(file, `${csvRows.join('\n')}\n`);

    await page.getByTestId('nav-imports').click();
    await page.getByTestId('upload-file-input').setInputFiles(file);
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 90_000 });
    expect(await report.getAttribute('data-state'), (await report.textContent()) ?? '').toBe('done');
    expect(Number((await page.getByTestId('import-orders-new').first().textContent())?.replace(/\D/g, ''))).toBe(buyers.length + 1);
    await page.getByTestId('import-analyzed').waitFor();

    const results = await page.evaluate(async (key) => {
      const res = await fetch(`/api/shops/demo/campaigns/${key}/results`);
      return (await res.json()) as { campaigns: { totals: { treated: { conversions: number; customers: number }; holdout: { conversions: number }; uplift: { absolute: { estimate: number } } | null } }[] };
    }, CAMPAIGN_KEY);
    const totals = results.campaigns[0]!.totals;
    expect(totals.treated.conversions).toBe(buyers.length);
    expect(totals.holdout.conversions).toBe(0);
    expect(totals.uplift?.absolute.estimate).toBeCloseTo(buyers.length / totals.treated.customers, 6);

    await page.goto(`${e2e.server.url}/#/campaigns/${CAMPAIGN_KEY}`);
    const row = page.locator(`[data-testid="results-row"][data-level="campaign"]`).first();
    await row.waitFor();
    await expect.poll(() => row.getByTestId('results-uplift').textContent()).toMatch(/[1-9]/);

    await page.goto(`${e2e.server.url}/#/customers?search=e2e-hostile`);
    await page.getByTestId('customer-row').first().waitFor();
    await page.getByTestId('customer-name').first().click();
    await page.getByTestId('page-profile').waitFor();
    await expect.poll(() => page.getByTestId('page-profile').textContent()).toContain('<img src=x');
    const profileText = (await page.getByTestId('page-profile').textContent()) ?? '';
    expect(profileText).toContain('<svg onload');
    expect(profileText).toContain('<b>湿巾</b>');
    expect(await page.locator('[data-testid="page-profile"] img, [data-testid="page-profile"] svg[onload], [data-testid="page-profile"] iframe, [data-testid="page-profile"] b').count()).toBe(0);
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('never sends an analyst an unmasked phone and shows no launch or import controls', async () => {
    const phones = (await e2e.server.db.all<{ phone: string }>(`SELECT DISTINCT phone FROM customers WHERE phone IS NOT NULL AND length(phone) >= 11 LIMIT 5000`)).map((r) => r.phone.replace(/\D/g, '').slice(-11));
    const { context, page, errors } = await logIn('analyst');
    const leaks: string[] = [];
    page.on('response', async (res) => {
      if (!res.url().includes('/api/')) return;
      const body = (await res.text().catch(() => '')).replace(/[\s+-]/g, '');
      for (const p of phones) if (body.includes(p)) leaks.push(`${res.url()}: ${p}`);
    });
    for (const nav of ['nav-customers', 'nav-segments', 'nav-campaigns', 'nav-imports', 'nav-overview']) {
      await page.getByTestId(nav).click();
      await page.waitForLoadState('networkidle');
    }
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-name').first().click();
    await page.getByTestId('page-profile').waitFor();
    await page.waitForLoadState('networkidle');
    await page.goto(`${e2e.server.url}/#/campaigns/${CAMPAIGN_KEY}`);
    await page.getByTestId('page-campaign').waitFor();
    expect(await page.getByTestId('launch-button').count()).toBe(0);
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('imports-read-only').waitFor();
    expect(phones.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('fits a phone screen without sideways scrolling', async () => {
    const { context, page } = await logIn('owner', { width: 390, height: 844 });
    for (const hash of ['#/overview', '#/customers', '#/segments', '#/campaigns', `#/campaigns/${CAMPAIGN_KEY}`, '#/imports']) {
      await page.goto(`${e2e.server.url}/${hash}`);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, hash).toBeLessThanOrEqual(1);
    }
    await context.close();
  }, 120_000);
});

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
