/**
 * The owners' Settings page end to end in headless Chromium against a real server (a small demo shop): add
 * a user whose generated password is shown once, change its role, see the last owner protected, create an
 * API token whose secret is shown once and works as a Bearer token until it is revoked, and find all of it in
 * the audit log; operators see no Settings and the API refuses them; a consent change recorded on a profile
 * is audited too; the owner sets the shop's SMS signature; Settings fit a phone's width.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { logIn as signIn } from './support/log-in.ts';
import type { SignedIn } from './support/log-in.ts';
import type { Role } from '../../src/api/access.ts';
import { startE2eServer } from './support/e2e-server.ts';
import type { E2eServer } from './support/e2e-server.ts';

let e2e: E2eServer;
let browser: Browser;

const NEW_USER = 'e2e-new-analyst';
const TOKEN_NAME = 'e2e-script-token';

beforeAll(async () => {
  [e2e, browser] = await Promise.all([startE2eServer({ customers: 600 }), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await e2e?.close();
});

/** Signs in as the e2e user of this role (see support/log-in.ts). */
const logIn = (role: Role, viewport?: { width: number; height: number }): Promise<SignedIn> => signIn(browser, e2e.server.url, role, viewport);

/** The demo shop's first customer id. */
async function firstCustomer(): Promise<number> {
  const [customer] = await e2e.server.db.all<{ customer_id: number }>(
    `SELECT c.customer_id FROM customers c JOIN shops s USING (shop_id) WHERE s.name = 'demo' ORDER BY c.customer_id LIMIT 1`);
  const id = Number(customer?.customer_id);
  expect(id).toBeGreaterThan(0);
  return id;
}

/** GET /api/auth/me from the test process with a Bearer token: the status code. */
async function meWithToken(secret: string): Promise<number> {
  const res = await fetch(`${e2e.server.url}/api/auth/me`, { headers: { Authorization: `Bearer ${secret}`, Accept: 'application/json' } });
  await res.body?.cancel();
  return res.status;
}

/** The audit log's actions shown for a filter value ('' = all). */
/** The audit rows' actions once the list shows the filter's result (the table keeps its old rows while it loads). */
async function auditActions(page: Page, filter: string): Promise<string[]> {
  await page.getByTestId('audit-filter').selectOption(filter);
  await page.getByTestId('audit-refresh').click();
  await page.getByTestId('audit-row').first().waitFor();
  const read = () => page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action') ?? ''));
  if (filter !== '') await expect.poll(async () => (await read()).every((a) => a.startsWith(filter)), { timeout: 10_000 }).toBe(true);
  return read();
}

describe('the owners\' settings, end to end', () => {
  it('adds a user, changes its role, creates and revokes a token, and audits all of it', async () => {
    const { context, page, errors } = await logIn('owner');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('page-settings').waitFor();
    await page.locator('[data-testid="user-row"][data-username="e2e-owner"]').waitFor();

    // A new analyst without a password: the server generates one, shown once.
    await page.getByTestId('user-add-username').fill(NEW_USER);
    await page.getByTestId('user-add-display-name').fill('新分析师');
    await page.getByTestId('user-add-role').selectOption('analyst');
    await page.getByTestId('user-add-submit').click();
    const password = (await page.getByTestId('user-password').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(8);
    const row = page.locator(`[data-testid="user-row"][data-username="${NEW_USER}"]`);
    await expect.poll(() => row.getAttribute('data-role')).toBe('analyst');
    await page.getByTestId('user-password-dismiss').click();
    expect(await page.getByTestId('user-password').count()).toBe(0);
    // Nothing the API lists carries the password.
    const listed = await page.evaluate(async () => (await fetch('/api/users')).text());
    expect(listed).toContain(NEW_USER);
    expect(listed).not.toContain(password);

    await row.getByTestId('user-role-select').selectOption('operator');
    await expect.poll(() => row.getAttribute('data-role')).toBe('operator');

    // Renamed in place: the list shows the new name after the server took it.
    await row.getByTestId('user-rename').click();
    await row.getByTestId('user-rename-input').fill('  数据运营  ');
    await row.getByTestId('user-rename-save').click();
    await expect.poll(() => row.getByTestId('user-display-name').textContent()).toBe('数据运营');

    // The last owner cannot be demoted: the server's message, in Chinese by default.
    await page.locator('[data-testid="user-row"][data-username="e2e-owner"]').getByTestId('user-role-select').selectOption('analyst');
    const error = page.getByTestId('settings-users').getByTestId('error-box');
    await expect.poll(() => error.getAttribute('data-code')).toBe('conflict');
    expect(await error.textContent()).toContain('最后一个所有者');
    await expect.poll(() => page.locator('[data-testid="user-row"][data-username="e2e-owner"]').getAttribute('data-role')).toBe('owner');

    // A token: scopes limited to its role, the secret shown once, valid until revoked.
    await page.getByTestId('token-create-name').fill(TOKEN_NAME);
    await page.getByTestId('token-create-role').selectOption('analyst');
    expect(await page.getByTestId('token-create-scope-consent').isDisabled()).toBe(true);
    await page.getByTestId('token-create-role').selectOption('operator');
    await page.getByTestId('token-create-scope-consent').check();
    await page.getByTestId('token-create-submit').click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^hut_/);
    expect(await meWithToken(secret)).toBe(200);
    const tokenRow = page.locator(`[data-testid="token-row"][data-name="${TOKEN_NAME}"]`);
    await tokenRow.waitFor();
    expect(await tokenRow.textContent()).not.toContain(secret);
    await page.getByTestId('token-secret-dismiss').click();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    await page.reload();
    await tokenRow.waitFor();
    expect(await page.getByTestId('token-secret').count()).toBe(0);

    // Revoking takes two clicks.
    await tokenRow.getByTestId('token-revoke').click();
    expect(await tokenRow.getAttribute('data-revoked')).toBe('false');
    await tokenRow.getByTestId('token-revoke-confirm').click();
    await expect.poll(() => tokenRow.getAttribute('data-revoked')).toBe('true');
    expect(await meWithToken(secret)).toBe(401);

    const all = await auditActions(page, '');
    for (const action of ['user.create', 'user.role_change', 'user.rename', 'token.create', 'token.revoke']) expect(all).toContain(action);
    // Each entry shows its detail: the role change from → to.
    const roleChange = page.locator('[data-testid="audit-row"][data-action="user.role_change"]').first();
    expect(await roleChange.getByTestId('audit-detail').textContent()).toContain('to: operator');
    const tokens = await auditActions(page, 'token.');
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(tokens.every((a) => a.startsWith('token.'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows operators no Settings, and the API refuses them the users', async () => {
    const { context, page, errors } = await logIn('operator');
    await page.getByTestId('nav-customers').waitFor();
    expect(await page.getByTestId('nav-settings').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/users')).status);
    expect(status).toBe(403);
    await page.goto(`${e2e.server.url}/#/settings`);
    await page.getByTestId('settings-owner-only').waitFor();
    expect(await page.getByTestId('user-row').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('records a consent change on a profile, and the owner finds it in the audit log', async () => {
    const id = await firstCustomer();

    // Analysts see the state, without the buttons.
    const analyst = await logIn('analyst');
    await analyst.page.goto(`${e2e.server.url}/#/customers/${id}`);
    await analyst.page.getByTestId('consent-sms').waitFor();
    expect(await analyst.page.getByTestId('consent-sms-grant').count()).toBe(0);
    await analyst.context.close();

    const { context, page, errors } = await logIn('operator');
    await page.goto(`${e2e.server.url}/#/customers/${id}`);
    const sms = page.getByTestId('consent-sms');
    await sms.waitFor();
    const before = await sms.getAttribute('data-status');
    const next = before === 'revoked' ? 'granted' : 'revoked';
    await page.getByTestId('consent-source').selectOption('phone_call');
    await page.getByTestId('consent-wording').fill('同意接收店铺短信，回T退订');
    await page.getByTestId(next === 'granted' ? 'consent-sms-grant' : 'consent-sms-revoke').click();
    await expect.poll(() => sms.getAttribute('data-status')).toBe(next);
    expect(await sms.textContent()).toContain('phone_call');
    // The words the customer agreed to are kept with the event (newest first in the history), and the field empties.
    await expect.poll(() => page.getByTestId('consent-event-wording').first().textContent()).toBe('同意接收店铺短信，回T退订');
    expect(await page.getByTestId('consent-wording').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await context.close();

    const owner = await logIn('owner');
    await owner.page.getByTestId('nav-settings').click();
    await owner.page.getByTestId('page-settings').waitFor();
    await owner.page.getByTestId('audit-filter').selectOption('consent.change');
    const entry = owner.page.locator(`[data-testid="audit-row"][data-action="consent.change"][data-target="shop:demo/customer:${id}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain('e2e-operator');
    expect(owner.errors).toEqual([]);
    await owner.context.close();
  }, 90_000);

  it("sets the shop's SMS signature in Settings, rejects a bad one with the server's message, and audits it", async () => {
    const { context, page, errors } = await logIn('owner');
    await page.goto(`${e2e.server.url}/#/settings`);
    const section = page.getByTestId('settings-shop-sign');
    await expect.poll(() => section.getByTestId('shop-sign-current').textContent()).toContain('【回头客示范店】');
    await section.getByTestId('shop-sign-input').fill('【坏】');
    await section.getByTestId('shop-sign-save').click();
    await section.getByTestId('error-box').waitFor();
    expect(await section.getByTestId('error-box').textContent()).toContain('【】');
    await section.getByTestId('shop-sign-input').fill('小兔家居');
    await section.getByTestId('shop-sign-save').click();
    await expect.poll(() => section.getByTestId('shop-sign-current').textContent()).toContain('【小兔家居】');
    expect((await e2e.server.db.all<{ sms_sign: string }>(`SELECT sms_sign FROM shops WHERE name = 'demo'`))[0]?.sms_sign).toBe('小兔家居');
    expect(await auditActions(page, 'shop.')).toContain('shop.sms_sign');
    // Back to the demo's signature, which its starter campaigns carry.
    await section.getByTestId('shop-sign-input').fill('回头客示范店');
    await section.getByTestId('shop-sign-save').click();
    await expect.poll(() => section.getByTestId('shop-sign-current').textContent()).toContain('【回头客示范店】');
    // The refused signature's 400 is the one error the browser logs.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    await context.close();
  }, 60_000);

  it('fits Settings and the consent control on a phone screen without sideways scrolling', async () => {
    const { context, page } = await logIn('owner', { width: 390, height: 844 });
    for (const [hash, ready] of [['#/settings', 'audit-row'], [`#/customers/${await firstCustomer()}`, 'consent-sms']] as const) {
      await page.goto(`${e2e.server.url}/${hash}`);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, hash).toBeLessThanOrEqual(1);
    }
    await context.close();
  }, 60_000);
});
