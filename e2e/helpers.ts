import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo1234';
export const AGENT = 'agent1@touchpoint.test';

/** A unique suffix so specs never collide with each other or with demo data. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function signInStaff(page: Page, email = AGENT, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/inbox**');
}

export async function signUpCustomer(page: Page, name: string, email: string, password = 'correct-horse-1') {
  await page.goto('/portal/signup');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/portal/new');
}

export async function submitRequest(page: Page, subject: string, body: string, opts: { stage?: string; touchpoint?: string } = {}) {
  await page.goto('/portal/new');
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Description').fill(body);
  if (opts.stage) await page.getByLabel('What were you trying to do?').selectOption({ label: opts.stage });
  if (opts.touchpoint) await page.getByLabel('Where did it happen?').selectOption({ label: opts.touchpoint });
  await page.getByRole('button', { name: 'Submit request' }).click();
  await page.waitForURL('**/portal/requests/**');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
  return page.url();
}

export async function newCustomerPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}
