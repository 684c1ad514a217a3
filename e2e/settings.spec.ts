import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { AGENT, signInStaff, unique } from './helpers';

const ADMIN = 'admin@touchpoint.test';
const METRICS = '/api/v1/metrics?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z';

async function saveGeneral(page: Page) {
  await page.getByRole('button', { name: 'Save general settings' }).click();
}

test('an admin changes the re-contact window and it is still there after a reload', async ({ page }) => {
  await signInStaff(page, ADMIN);
  await page.goto('/settings');
  const field = page.getByLabel('Re-contact window (days)');
  await expect(field).toHaveValue('7');

  await field.fill('3');
  await saveGeneral(page);
  await expect(page.getByText('General settings saved')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Re-contact window (days)')).toHaveValue('3');

  // Put the default back: other specs rely on the seven-day window.
  await page.getByLabel('Re-contact window (days)').fill('7');
  await saveGeneral(page);
  await expect(page.getByText('General settings saved').first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Re-contact window (days)')).toHaveValue('7');
});

test('an unknown time zone gets a field error and nothing is saved', async ({ page }) => {
  await signInStaff(page, ADMIN);
  await page.goto('/settings');
  const zone = page.getByLabel('Time zone');
  const before = await zone.inputValue();
  const autoClose = page.getByLabel('Auto-close solved tickets after (days)');
  const autoCloseBefore = await autoClose.inputValue();

  await zone.fill('Mars/Olympus');
  await autoClose.fill('9');
  await saveGeneral(page);
  await expect(page.getByTestId('field-error')).toContainText('"Mars/Olympus" is not a time zone');
  await expect(page.getByTestId('form-error')).toBeVisible();
  // The form keeps what was typed, so it can be corrected.
  await expect(zone).toHaveValue('Mars/Olympus');
  await expect(zone).toHaveAttribute('aria-invalid', 'true');

  await page.reload();
  await expect(page.getByLabel('Time zone')).toHaveValue(before);
  await expect(page.getByLabel('Auto-close solved tickets after (days)')).toHaveValue(autoCloseBefore);
});

test('an admin creates an API token, it works once shown, and stops working when revoked', async ({ page }) => {
  const name = `E2E metrics ${unique()}`;
  await signInStaff(page, ADMIN);
  await page.goto('/settings');
  await page.getByLabel('Staff member').selectOption('lead@touchpoint.test');
  await page.getByLabel('Token name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();

  const shown = page.getByTestId('new-token');
  await expect(shown).toHaveValue(/^tp_\S{20,}$/);
  await expect(page.getByText('It is shown only now')).toBeVisible();
  const token = await shown.inputValue();
  const row = page.getByTestId('token-row').filter({ hasText: name });
  await expect(row).toContainText('lead@touchpoint.test');
  await expect(row).toContainText('Never');
  await expect(row).toContainText(token.slice(0, 10));

  // The token alone authenticates: no session cookie in this context.
  const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  const auth = { authorization: `Bearer ${token}` };
  const ok = await anonymous.get(METRICS, { headers: auth });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toHaveProperty('totals');
  expect((await page.request.get(METRICS, { headers: auth })).status()).toBe(200);

  // After a reload the token is gone from the page for good; the table shows it was used.
  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  await expect(row).not.toContainText('Never');

  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(row).toContainText('Revoked');
  await expect(row).toHaveAttribute('data-revoked', 'true');
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0);

  const refused = await page.request.get(METRICS, { headers: auth });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe('unauthenticated');
  expect((await anonymous.get(METRICS, { headers: auth })).status()).toBe(401);
  await anonymous.dispose();
});

test('token creation checks its input and creates nothing on bad input', async ({ page }) => {
  await signInStaff(page, ADMIN);
  await page.goto('/settings');
  const before = await page.getByTestId('token-row').count();
  await page.getByLabel('Token name').fill('   ');
  await page.getByRole('button', { name: 'Create token' }).click();
  const errors = page.getByTestId('field-error');
  await expect(errors.filter({ hasText: 'Choose a staff member' })).toBeVisible();
  await expect(errors.filter({ hasText: 'Give the token a name' })).toBeVisible();
  await expect(page.getByLabel('Staff member')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('token-row')).toHaveCount(before);
});

test('business hours and SLA forms refuse bad input and save nothing', async ({ page }) => {
  await signInStaff(page, ADMIN);
  await page.goto('/settings');
  const holidays = page.getByLabel('Holidays');
  const holidaysBefore = await holidays.inputValue();
  await holidays.fill('2026-12-25\n2026-13-01');
  await page.getByLabel('Monday closes at').fill('08:00');
  await page.getByRole('button', { name: 'Save business hours' }).click();
  await expect(page.getByText('Line 2: "2026-13-01" is not a date')).toBeVisible();
  await expect(page.getByText('Monday: closing time must be after the opening time.')).toBeVisible();
  await expect(holidays).toHaveValue('2026-12-25\n2026-13-01');

  const minutes = page.getByLabel('Urgent first response (minutes)');
  const minutesBefore = await minutes.inputValue();
  await minutes.fill('0');
  await page.getByRole('button', { name: 'Save SLA policy' }).click();
  await expect(page.getByText('Enter a number from 1 to 525600.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Holidays')).toHaveValue(holidaysBefore);
  await expect(page.getByLabel('Monday closes at')).toHaveValue('17:00');
  await expect(page.getByLabel('Urgent first response (minutes)')).toHaveValue(minutesBefore);
});

test('an agent visiting settings gets 404', async ({ page }) => {
  await signInStaff(page, AGENT);
  const res = await page.goto('/settings');
  expect(res?.status()).toBe(404);
  await expect(page.getByLabel('Time zone')).toHaveCount(0);
});
