import { expect, request as playwrightRequest, test } from '@playwright/test';
import { newCustomerPage, signInStaff, signUpCustomer, submitRequest, unique } from './helpers';

test('an anonymous visitor on an agent page is sent to sign in', async ({ page }) => {
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Finbox/);
  await page.goto('/tickets/1');
  await expect(page).toHaveURL(/\/login/);
});

test('a customer gets 404 on agent pages and 401/403 from the staff API', async ({ browser }) => {
  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Cora Customer', `cora-${unique()}@example.com`);
  for (const path of ['/inbox', '/tickets/1', '/settings', '/boards']) {
    const res = await customer.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const api = await customer.request.get('/api/v1/tickets');
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe('forbidden');

  const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  const unauth = await anonymous.get('/api/v1/tickets');
  expect(unauth.status()).toBe(401);
  const badToken = await anonymous.get('/api/v1/tickets', { headers: { authorization: 'Bearer tp_not-a-real-token' } });
  expect(badToken.status()).toBe(401);
});

test("customer B opening customer A's request by its URL gets 404", async ({ browser }) => {
  const a = await newCustomerPage(browser);
  await signUpCustomer(a, 'Ann A', `ann-${unique()}@example.com`);
  const url = await submitRequest(a, `Private matter ${unique()}`, 'Only Ann may read this.');

  const b = await newCustomerPage(browser);
  await signUpCustomer(b, 'Ben B', `ben-${unique()}@example.com`);
  const res = await b.goto(url);
  expect(res?.status()).toBe(404);
  expect(await b.content()).not.toContain('Only Ann may read this.');
});

test('a direct POST to an agent server action without a staff session changes nothing', async ({ browser, page }) => {
  const id = unique();
  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Pat Post', `pat-${id}@example.com`);
  await submitRequest(customer, `Replay ${id}`, 'Testing replays.');

  // Capture a real agent action call (an internal note) to learn the action id and body format.
  await signInStaff(page);
  await page.getByTestId('inbox-row').filter({ hasText: `Replay ${id}` }).getByRole('link').click();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await page.getByLabel('Note').fill(`original-${id}`);
  const [actionRequest] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action'])),
    page.getByRole('button', { name: 'Add note' }).click(),
  ]);
  await expect(page.getByTestId('internal-note').filter({ hasText: `original-${id}` })).toBeVisible();

  const body = (actionRequest.postDataBuffer() ?? Buffer.alloc(0)).toString('utf8').replaceAll(`original-${id}`, `forged-${id}`);
  const headers = {
    'next-action': actionRequest.headers()['next-action'],
    'content-type': actionRequest.headers()['content-type'],
    accept: 'text/x-component',
  };
  const url = actionRequest.url();

  // Anonymous, and then signed in as a customer: both are refused.
  const anonymous = await playwrightRequest.newContext();
  const anonResponse = await anonymous.post(url, { headers, data: body });
  expect(await anonResponse.text()).toContain('unauthenticated');
  const customerResponse = await customer.request.post(url, { headers, data: body });
  expect(await customerResponse.text()).toContain('forbidden');

  await page.reload();
  await expect(page.getByTestId('internal-note').filter({ hasText: `original-${id}` })).toBeVisible();
  await expect(page.getByText(`forged-${id}`)).toHaveCount(0);
});

test('wrong passwords get a clear message, and the sign-in limit stops guessing', async ({ page }) => {
  const email = `nobody-${unique()}@example.com`;
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Password').fill(`wrong-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error')).toHaveText("That email and password don't match. Check them and try again.");
  }
  await page.getByLabel('Password').fill('wrong-6');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-error')).toContainText('Too many sign-in attempts');
});

test('sign-out ends the staff session, also for a copy of its cookie', async ({ browser, page }) => {
  await signInStaff(page);
  const copy = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.waitForURL('**/login**');
  await page.goto('/inbox');
  await expect(page).toHaveURL(/\/login/);
  await copy.goto('/inbox');
  await expect(copy).toHaveURL(/\/login/);
});
