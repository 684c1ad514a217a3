import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signInStaff, signUpCustomer, unique } from './helpers';
import { expectAccessible, screenshots } from './portal-helpers';

/** A second browser holding a copy of this page's cookies, as someone who copied the session cookie would. */
async function copyOfSession(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  return context.newPage();
}

async function expectSignedOutOfStaff(page: Page) {
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Finbox/);
}

async function signInCustomer(page: Page, email: string, password: string) {
  await page.goto('/portal/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/portal$/);
}

test('sign-out ends the session on the server: a copied cookie stops working', async ({ browser, page }) => {
  await signInStaff(page, 'agent3@touchpoint.test');
  const copy = await copyOfSession(browser, page);
  await copy.goto('/inbox');
  await expect(copy).toHaveURL(/\/inbox/);

  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.waitForURL('**/login**');
  await expectSignedOutOfStaff(copy);
  // The API refuses it too.
  expect((await copy.request.get('/api/v1/tickets?limit=1')).status()).toBe(401);
});

test('a staff member signs out everywhere from their account page', async ({ browser, page }) => {
  await signInStaff(page, 'agent4@touchpoint.test');
  const laptop = await (await browser.newContext()).newPage();
  await signInStaff(laptop, 'agent4@touchpoint.test');

  await page.getByRole('link', { name: 'Password and sessions' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
  // Two at least: earlier specs may have left this demo account signed in elsewhere (one worker, one server).
  await expect(page.getByTestId('live-sessions')).toContainText(/signed in on ([2-9]|\d{2,}) browsers/);
  await expectAccessible(page, 'staff account');
  await screenshots(page, 'staff-account');

  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.waitForURL('**/login**');
  await expectSignedOutOfStaff(laptop);
  await expectSignedOutOfStaff(page);
});

test('a staff password change keeps this browser and signs the others out', async ({ browser, page }) => {
  const email = 'agent5@touchpoint.test';
  await signInStaff(page, email);
  const other = await (await browser.newContext()).newPage();
  await signInStaff(other, email);

  await page.goto('/account');
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill('brand-new-pass-5');
  await page.getByLabel('Repeat the new password').fill('brand-new-pass-5');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('field-error')).toContainText('not your current password');
  await expectAccessible(page, 'staff account with an error');

  await page.getByLabel('Current password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('form-success')).toContainText(/(One other browser was|\d+ other browsers were) signed out/);
  await expectSignedOutOfStaff(other);
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/inbox/);

  // Back to the demo password, so the workspace stays as the README says.
  await page.goto('/account');
  await page.getByLabel('Current password').fill('brand-new-pass-5');
  await page.getByLabel('New password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('Repeat the new password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('form-success')).toContainText('not signed in anywhere else');
});

test('an admin signs another staff member out everywhere from Settings → Staff', async ({ browser, page }) => {
  const agent = await (await browser.newContext()).newPage();
  await signInStaff(agent, 'agent6@touchpoint.test');

  await signInStaff(page, 'admin@touchpoint.test');
  await page.goto('/settings');
  const row = page.getByRole('row').filter({ hasText: 'agent6@touchpoint.test' });
  await expect(row.getByTestId('staff-sessions')).toHaveText('1 browser');
  await row.getByRole('button', { name: /Sign .* out everywhere/ }).click();
  await expect(page.getByRole('dialog')).toContainText('Every browser signed in as agent6@touchpoint.test is signed out');
  await expectAccessible(page, 'revoke sessions dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByText(/was signed out of 1 session/)).toBeVisible();
  await expect(row.getByTestId('staff-sessions')).toHaveText('–');
  await screenshots(page, 'settings-staff-sessions');
  await expectSignedOutOfStaff(agent);
});

test('a customer changes their password and signs out everywhere from the portal account page', async ({ browser, page }) => {
  const email = `sessions-${unique()}@example.com`;
  await signUpCustomer(page, 'Session Person', email, 'first-password-1');
  const phone = await (await browser.newContext()).newPage();
  await signInCustomer(phone, email, 'first-password-1');
  const copy = await copyOfSession(browser, phone);

  await page.getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
  // Two at least: earlier specs may have left this demo account signed in elsewhere (one worker, one server).
  await expect(page.getByTestId('live-sessions')).toContainText(/signed in on ([2-9]|\d{2,}) browsers/);
  await expectAccessible(page, 'portal account');
  await screenshots(page, 'portal-account');

  await page.getByLabel('Current password').fill('first-password-1');
  await page.getByLabel('New password', { exact: true }).fill('second-password-2');
  await page.getByLabel('Repeat the new password').fill('second-password-2');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('form-success')).toContainText(/(One other browser was|\d+ other browsers were) signed out/);
  for (const gone of [phone, copy]) {
    await gone.goto('/portal/account');
    await expect(gone).toHaveURL(/\/portal\/login\?callbackUrl=%2Fportal%2Faccount/);
  }

  await signInCustomer(phone, email, 'second-password-2');
  await page.reload();
  // Two at least: earlier specs may have left this demo account signed in elsewhere (one worker, one server).
  await expect(page.getByTestId('live-sessions')).toContainText(/signed in on ([2-9]|\d{2,}) browsers/);
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.waitForURL(/\/portal$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await phone.goto('/portal/account');
  await expect(phone).toHaveURL(/\/portal\/login/);
});
