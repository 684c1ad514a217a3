import { expect, test } from '@playwright/test';
import { newCustomerPage, signInStaff, signUpCustomer, submitRequest, unique } from './helpers';

test('customer submits, agent replies with a note and solves, customer sees only the public side and reopens', async ({ browser, page }) => {
  const id = unique();
  const subject = `Parcel ${id} never arrived`;
  const note = `INTERNAL-${id}: courier lost it in the depot`;
  const reply = `Hi! We are sending a replacement for ${id}.`;

  // The customer signs up and submits a request with journey stage and touchpoint.
  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Erin E2E', `erin-${id}@example.com`);
  const requestUrl = await submitRequest(customer, subject, 'Ordered two weeks ago, nothing yet.', {
    stage: 'Buying or ordering',
    touchpoint: 'With a delivery',
  });
  await expect(customer.getByTestId('portal-status')).toHaveText('Open');
  await customer.goto('/portal');
  await expect(customer.getByTestId('request-list')).toContainText(subject);

  // The agent finds it at the top of the inbox and opens it.
  await signInStaff(page);
  const row = page.getByTestId('inbox-row').filter({ hasText: subject });
  await expect(row).toBeVisible();
  await expect(page.getByTestId('inbox-row').first()).toContainText(subject);
  await row.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
  await expect(page.getByTestId('fact-journey-stage')).toHaveText('Purchase');
  await expect(page.getByTestId('fact-touchpoint')).toHaveText('Delivery');

  // An internal note, then a public reply that solves the ticket.
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await expect(page.getByTestId('composer-visibility')).toContainText('Only your team');
  await page.getByLabel('Note').fill(note);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('internal-note').filter({ hasText: note })).toBeVisible();

  await page.getByRole('tab', { name: 'Public reply' }).click();
  await expect(page.getByTestId('composer-visibility')).toContainText('the customer will see this reply');
  await page.getByLabel('Reply').fill(reply);
  await page.getByLabel('Then set status').selectOption('solved');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByTestId('public-message').filter({ hasText: reply })).toBeVisible();
  await expect(page.getByTestId('status-badge')).toHaveText('Solved');
  await expect(page.getByTestId('fact-fcr')).toHaveText('Yes');

  // The customer sees the reply and the status, never the note — not even in the raw HTML.
  await customer.goto(requestUrl);
  await expect(customer.getByTestId('portal-thread')).toContainText(reply);
  await expect(customer.getByTestId('portal-status')).toHaveText('Solved');
  expect(await customer.content()).not.toContain(`INTERNAL-${id}`);
  const raw = await customer.request.get(requestUrl);
  expect(await raw.text()).not.toContain(`INTERNAL-${id}`);

  // Replying to a solved request reopens it.
  await customer.getByLabel('Your reply').fill('It arrived broken, sorry.');
  await customer.getByRole('button', { name: 'Send reply' }).click();
  await expect(customer.getByTestId('portal-status')).toHaveText('Open');

  await page.reload();
  await expect(page.getByTestId('status-badge')).toHaveText('Open');
  await expect(page.getByTestId('fact-reopens')).toHaveText('1');
  await expect(page.getByTestId('fact-fcr')).toHaveText('No');
});
