import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, newCustomerPage, signInStaff, signUpCustomer, submitRequest, unique } from './helpers';
import { expectAccessible, linkPath, mailBody, screenshots } from './portal-helpers';

// Each journey walks many steps in two browsers on a small shared box: give it room.
test.describe.configure({ timeout: 150_000 });

test('account journey: sign up, verify, submit, agent replies, customer replies, agent solves, customer rates', async ({ browser, page }) => {
  const id = unique();
  const email = `acct-${id}@example.com`;
  const subject = `Coffee machine ${id} leaks`;
  const customer = await newCustomerPage(browser);

  await customer.goto('/portal');
  await expectAccessible(customer, 'portal home');
  await customer.goto('/portal/signup');
  await expectAccessible(customer, 'sign-up');
  await signUpCustomer(customer, 'Acct Person', email);
  await expectAccessible(customer, 'new request');
  await screenshots(customer, 'portal-new-request');

  // Bad input keeps what was typed and says what to fix.
  await customer.getByLabel('Description').fill('Water everywhere <script>alert(1)</script>');
  await customer.getByRole('button', { name: 'Submit request' }).click();
  await expect(customer.getByTestId('field-error')).toContainText('Enter a subject');
  await expect(customer.getByLabel('Description')).toHaveValue('Water everywhere <script>alert(1)</script>');
  await expectAccessible(customer, 'new request with errors');

  const requestUrl = await submitRequest(customer, subject, 'Water everywhere <script>alert(1)</script>', { stage: 'Buying or ordering' });
  await customer.goto('/portal');
  await expect(customer.getByTestId('verify-banner')).toBeVisible();
  await expect(customer.getByTestId('request-list')).toContainText(subject);
  await expectAccessible(customer, 'my requests');

  // The verification mail, as the customer gets it.
  await signInStaff(page, 'admin@touchpoint.test', DEMO_PASSWORD);
  const verifyBody = await mailBody(email, /Confirm your email/);
  const verifyPath = linkPath(verifyBody, '/portal/verify/');

  // Settings → Outbox shows an admin that a link was sent, never the link itself.
  await page.goto('/settings/outbox');
  const listed = page.getByTestId('outbox-mail').filter({ hasText: `To ${email}` }).filter({ hasText: /Confirm your email/ });
  await expect(listed).toContainText('private link hidden');
  await expectAccessible(page, 'outbox');
  await screenshots(page, 'settings-outbox');
  await listed.getByRole('link').click();
  await expect(page.getByTestId('outbox-body')).toContainText('/portal/verify/[hidden]');
  expect(await page.content()).not.toContain(verifyPath);
  await expect(page.getByTestId('form-info')).toContainText('recorded in the audit log');
  await expectAccessible(page, 'outbox mail');
  await screenshots(page, 'settings-outbox-mail');

  await customer.goto(verifyPath);
  await expectAccessible(customer, 'verify');
  await customer.getByRole('button', { name: 'Confirm my email' }).click();
  await customer.waitForURL('**/portal?verified=1');
  await expect(customer.getByTestId('verify-banner')).toHaveCount(0);
  expect(await mailBody(email, /We received your request/)).toContain(requestUrl.replace(/^https?:\/\/[^/]+/, ''));

  // The agent replies publicly; the customer is mailed and sees it.
  await page.goto('/inbox');
  await page.getByTestId('inbox-row').filter({ hasText: subject }).getByRole('link', { name: subject }).click();
  await page.getByLabel('Reply').fill(`First reply ${id}`);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByTestId('public-message').filter({ hasText: `First reply ${id}` })).toBeVisible();
  const ticketUrl = page.url();
  expect(await mailBody(email, /New reply to/)).toContain(`First reply ${id}`);

  await customer.goto(requestUrl);
  await expect(customer.getByTestId('portal-thread')).toContainText(`First reply ${id}`);
  await customer.getByLabel('Your reply').fill('Thanks, it still drips a little.');
  await customer.getByRole('button', { name: 'Send reply' }).click();
  await expect(customer.getByTestId('portal-thread')).toContainText('it still drips');

  // The agent solves; the customer rates on the request page, then changes the rating.
  await page.goto(ticketUrl);
  await page.getByLabel('Reply').fill('Replacement seal is on its way.');
  await page.getByLabel('Then set status').selectOption('solved');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByTestId('status-badge')).toHaveText('Solved');
  expect(await mailBody(email, /^Solved:/)).toMatch(/\/portal\/rate\/[A-Za-z0-9_-]{43}/);

  await customer.goto(requestUrl);
  await expect(customer.getByTestId('portal-status')).toHaveText('Solved');
  await customer.getByRole('button', { name: 'Send rating' }).click();
  await expect(customer.getByTestId('rating-form').getByTestId('field-error')).toContainText('Choose a rating from 1 to 5');
  // Keyboard only: focus the first score, arrow to 4, type a comment, submit with Enter on the button.
  await customer.getByRole('radio', { name: /^1 –/ }).focus();
  await customer.keyboard.press('ArrowRight');
  await customer.keyboard.press('ArrowRight');
  await customer.keyboard.press('ArrowRight');
  await expect(customer.getByRole('radio', { name: /^4 –/ })).toBeChecked();
  await customer.getByLabel('Comment').fill('Quick and kind');
  await customer.getByRole('button', { name: 'Send rating' }).focus();
  await customer.keyboard.press('Enter');
  await expect(customer.getByTestId('form-success')).toContainText('4 out of 5');
  await expectAccessible(customer, 'solved request with rating');
  await screenshots(customer, 'portal-request-solved');
  await page.goto(ticketUrl);
  await expect(page.getByTestId('fact-csat')).toHaveText('4 / 5');

  // The script in the description stayed text.
  await customer.goto(requestUrl);
  await expect(customer.locator('[data-testid=portal-thread] script')).toHaveCount(0);
});

test('password reset by the mailed link; the link works once', async ({ browser, page }) => {
  const id = unique();
  const email = `reset-${id}@example.com`;
  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Reset Person', email, 'first-password-1');
  await customer.context().clearCookies();

  await customer.goto('/portal/login');
  await customer.getByRole('link', { name: 'Forgot your password?' }).click();
  await expectAccessible(customer, 'forgot password');
  await customer.getByLabel('Email').fill(email);
  await customer.getByRole('button', { name: 'Send reset link' }).click();
  await expect(customer.getByTestId('form-success')).toContainText('If');

  await signInStaff(page, 'admin@touchpoint.test', DEMO_PASSWORD);
  const resetPath = linkPath(await mailBody(email, /Reset your/), '/portal/reset/');
  await customer.goto(resetPath);
  await expectAccessible(customer, 'reset password');
  await screenshots(customer, 'portal-reset');
  await customer.getByLabel('New password', { exact: true }).fill('second-password-2');
  await customer.getByLabel('Repeat the new password').fill('different-oops');
  await customer.getByRole('button', { name: 'Save new password' }).click();
  await expect(customer.getByTestId('field-error')).toContainText('different');
  await customer.getByLabel('Repeat the new password').fill('second-password-2');
  await customer.getByRole('button', { name: 'Save new password' }).click();
  await customer.waitForURL('**/portal/login?reset=1');

  await expectAccessible(customer, 'sign in');
  await expect(customer.getByTestId('form-success')).toContainText('new password is saved');
  // Keyboard only: type into the focused fields, Tab between them, Enter to submit.
  await customer.getByLabel('Email').focus();
  await customer.keyboard.type(email);
  await customer.keyboard.press('Tab');
  await customer.keyboard.type('second-password-2');
  await customer.keyboard.press('Enter');
  await customer.waitForURL(/\/portal$/);

  // Used once: the same link is now a 404, in HTML.
  const again = await customer.goto(resetPath);
  expect(again?.status()).toBe(404);
  await expect(customer.getByRole('heading', { level: 1 })).toHaveText("This link or request isn't available");
  await expectAccessible(customer, 'portal 404');
});
