import { expect, test } from '@playwright/test';
import { signUpCustomer, submitRequest, unique } from './helpers';

test.describe('portal bad input', () => {
  test.beforeEach(async ({ page }) => {
    await signUpCustomer(page, 'Bea Bad-Input', `bea-${unique()}@example.com`);
  });

  test('an empty subject gets a field error, keeps what was typed, and saves nothing', async ({ page }) => {
    await page.goto('/portal/new');
    await page.getByLabel('Description').fill('Typed with care.');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect(page.getByTestId('field-error')).toHaveText('Enter a subject');
    await expect(page.getByLabel('Description')).toHaveValue('Typed with care.');
    await expect(page).toHaveURL(/\/portal\/new$/);
    await page.goto('/portal');
    await expect(page.getByText('No requests yet')).toBeVisible();
  });

  test('a description over 50,000 characters gets a field error', async ({ page }) => {
    await page.goto('/portal/new');
    await page.getByLabel('Subject').fill('Too long');
    await page.getByLabel('Description').fill('x'.repeat(50_001));
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect(page.getByTestId('field-error')).toContainText('under 50,000 characters');
    await page.goto('/portal');
    await expect(page.getByText('No requests yet')).toBeVisible();
  });

  test('HTML and scripts in a subject and body are shown as text, never run', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const subject = `<script>alert(1)</script> ${unique()}`;
    await submitRequest(page, subject, '<img src=x onerror="alert(2)"><b>bold?</b>');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
    await expect(page.getByTestId('portal-thread')).toContainText('<img src=x onerror="alert(2)"><b>bold?</b>');
    await expect(page.locator('[data-testid=portal-thread] b')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });
});

test.describe('sign-up bad input', () => {
  test('a malformed email gets a field error', async ({ page }) => {
    await page.goto('/portal/signup');
    await page.getByLabel('Name').fill('Mal Formed');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('long-enough-1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByTestId('field-error')).toContainText('valid email');
    await expect(page.getByLabel('Name')).toHaveValue('Mal Formed');
  });

  test('an email that already exists gets a clear message, whatever its case', async ({ browser, page }) => {
    const email = `dup-${unique()}@example.com`;
    const first = await (await browser.newContext()).newPage();
    await signUpCustomer(first, 'First Person', email);
    await page.goto('/portal/signup');
    await page.getByLabel('Name').fill('Second Person');
    await page.getByLabel('Email').fill(email.toUpperCase());
    await page.getByLabel('Password').fill('long-enough-1');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByTestId('field-error')).toContainText('already exists');
  });
});
