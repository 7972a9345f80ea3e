/** Signs an e2e user in through the login form in a fresh browser context, watching the page for errors. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../../src/api/access.ts';
import { watchPage } from './browser.ts';
import { E2E_PASSWORDS } from './e2e-server.ts';

export interface SignedIn {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
}

export async function logIn(browser: Browser, url: string, role: Role, viewport = { width: 1366, height: 800 }): Promise<SignedIn> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const { errors } = watchPage(page);
  await page.goto(url);
  await page.getByTestId('login-form').waitFor();
  await page.getByTestId('login-username').fill(`e2e-${role}`);
  await page.getByTestId('login-password').fill(E2E_PASSWORDS[role]);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('page-overview').waitFor();
  return { context, page, errors };
}
