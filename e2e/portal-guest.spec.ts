import { expect, request as playwrightRequest, test } from '@playwright/test';
import { DEMO_PASSWORD, newCustomerPage, signInStaff, signUpCustomer, submitRequest, unique } from './helpers';
import { expectAccessible, linkPath, mailBody, screenshots } from './portal-helpers';

// Each journey walks many steps in two browsers on a small shared box: give it room.
test.describe.configure({ timeout: 150_000 });

test('guest journey by link: submit with an email, link shown once and mailed, reply, rate by mail, reopen, follow-up', async ({ browser, page }) => {
  const id = unique();
  const email = `guest-${id}@example.com`;
  const subject = `Guest parcel ${id}`;
  const guest = await newCustomerPage(browser);

  await guest.goto('/portal/new');
  await guest.getByLabel('Your email').fill('not-an-email');
  await guest.getByLabel('Subject').fill(subject);
  await guest.getByLabel('Description').fill('The box was empty.');
  await guest.getByRole('button', { name: 'Submit request' }).click();
  await expect(guest.getByTestId('field-error')).toContainText('Enter a valid email address');
  await expect(guest.getByLabel('Subject')).toHaveValue(subject);
  await guest.getByLabel('Your email').fill(email);
  await guest.getByLabel('Where did it happen?').selectOption({ label: 'With a delivery' });
  await guest.getByRole('button', { name: 'Submit request' }).click();
  const shown = (await guest.getByTestId('tracking-link').textContent())!.trim();
  expect(shown).toMatch(/\/portal\/track\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(guest, 'guest link panel');
  await screenshots(guest, 'portal-guest-link');
  const trackPath = new URL(shown).pathname;

  await signInStaff(page, 'admin@touchpoint.test', DEMO_PASSWORD);
  expect(linkPath(await mailBody(email, /Your private link/), '/portal/track/')).toBe(trackPath);

  // The link in a fresh browser: the request, the public thread, a reply box.
  const elsewhere = await newCustomerPage(browser);
  await elsewhere.goto(trackPath);
  await expect(elsewhere.getByRole('heading', { level: 1 })).toHaveText(subject);
  await expectAccessible(elsewhere, 'guest request');

  // Agent: an internal note, then a public reply that solves.
  await page.goto('/inbox');
  await page.getByTestId('inbox-row').filter({ hasText: subject }).getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
  const ticketUrl = page.url();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await page.getByLabel('Note').fill(`NOTE-${id} customer seems upset`);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('internal-note').filter({ hasText: `NOTE-${id}` })).toBeVisible();
  await page.getByRole('tab', { name: 'Public reply' }).click();
  await page.getByLabel('Reply').fill('We are sending a new one.');
  await page.getByLabel('Then set status').selectOption('solved');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByTestId('status-badge')).toHaveText('Solved');

  // Rate through the mailed one-time rating link, twice: the latest counts.
  const ratePath = linkPath(await mailBody(email, /^Solved:/), '/portal/rate/');
  await elsewhere.goto(ratePath);
  await expectAccessible(elsewhere, 'rating page');
  await screenshots(elsewhere, 'portal-rate');
  await elsewhere.getByTestId('score-2').click();
  await elsewhere.getByRole('button', { name: 'Send rating' }).click();
  await expect(elsewhere.getByTestId('form-success')).toContainText('2 out of 5');
  await elsewhere.goto(ratePath);
  await elsewhere.getByTestId('score-5').click();
  await expect(elsewhere.getByRole('radio', { name: /^5 –/ })).toBeChecked();
  await elsewhere.getByRole('button', { name: 'Update rating' }).click();
  await expect(elsewhere.getByTestId('form-success')).toContainText('5 out of 5');
  await page.goto(ticketUrl);
  await expect(page.getByTestId('fact-csat')).toHaveText('5 / 5');

  // The guest page never carries the note, not even in the raw HTML or the JSON.
  const html = await (await elsewhere.request.get(trackPath)).text();
  expect(html).toContain('We are sending a new one.');
  expect(html).not.toContain(`NOTE-${id}`);
  const json = await elsewhere.request.get(`/api/portal/track/${trackPath.split('/').pop()}`);
  expect(json.status()).toBe(200);
  const text = await json.text();
  expect(text).not.toContain(`NOTE-${id}`);
  for (const field of ['priority', 'assignee', 'team', 'tags', 'sla']) expect(text).not.toContain(`"${field}`);

  // A reply to the solved request reopens it.
  await elsewhere.goto(trackPath);
  await elsewhere.getByLabel('Your reply').fill('The new one is empty too.');
  await elsewhere.getByRole('button', { name: 'Send reply' }).click();
  await expect(elsewhere.getByTestId('portal-status')).toHaveText('Open');

  // The agent closes it: the rating link dies (404, HTML and JSON), and a reply opens a linked follow-up.
  await page.goto(ticketUrl);
  await page.getByLabel('Status', { exact: true }).selectOption('closed');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('status-badge')).toHaveText('Closed');
  expect((await elsewhere.goto(ratePath))?.status()).toBe(404);
  const rateJson = await elsewhere.request.post(`/api/portal/ratings/${ratePath.split('/').pop()}`, { data: { score: 3 } });
  expect(rateJson.status()).toBe(404);
  expect((await rateJson.json()).error.code).toBe('not_found');

  await elsewhere.goto(trackPath);
  await elsewhere.getByLabel('Your reply').fill('Please try once more.');
  await elsewhere.getByRole('button', { name: 'Send reply' }).click();
  await elsewhere.waitForURL((url) => url.pathname.startsWith('/portal/track/') && url.pathname !== trackPath);
  await expect(elsewhere.getByRole('heading', { level: 1 })).toHaveText(`Follow-up: ${subject}`);
});

test('isolation and limits: 404 for what is not yours (HTML and JSON), guessed links, and 429 with Retry-After', async ({ browser, baseURL }) => {
  const id = unique();
  const a = await newCustomerPage(browser);
  await signUpCustomer(a, 'Iso A', `iso-a-${id}@example.com`);
  const url = await submitRequest(a, `Private ${id}`, `Only A may read ${id}.`);
  const key = url.split('/').pop()!;
  const own = await a.request.get(`/api/portal/requests/${key}`);
  expect(own.status()).toBe(200);
  expect((await own.json()).request.subject).toBe(`Private ${id}`);

  const b = await newCustomerPage(browser);
  await signUpCustomer(b, 'Iso B', `iso-b-${id}@example.com`);
  expect((await b.goto(url))?.status()).toBe(404);
  const other = await b.request.get(`/api/portal/requests/${key}`);
  expect(other.status()).toBe(404);
  expect(await other.text()).not.toContain(id);
  expect((await b.request.get('/api/portal/requests')).ok()).toBe(true);
  expect(await (await b.request.get('/api/portal/requests')).text()).not.toContain(id);

  const anon = await playwrightRequest.newContext({ baseURL });
  const guessed = 'x'.repeat(43);
  for (const path of [`/portal/track/${guessed}`, `/portal/rate/${guessed}`, `/portal/reset/${guessed}`, '/portal/track/short']) {
    const res = await b.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  expect((await anon.get(`/api/portal/track/${guessed}`)).status()).toBe(404);
  expect((await anon.get(`/api/portal/requests/${key}`)).status()).toBe(401);

  // Bad input over JSON: field errors, never a 500.
  const bad = await anon.post('/api/portal/requests', { data: { email: 'nope', subject: '', body: 'x'.repeat(50_001) } });
  expect(bad.status()).toBe(400);
  expect(Object.keys((await bad.json()).error.details).sort()).toEqual(['body', 'email', 'subject']);

  // Per-email submit limit (5 a minute by default): the sixth guest request is a 429 with Retry-After.
  const email = `limit-${id}@example.com`;
  for (let i = 0; i < 5; i++) {
    const ok = await anon.post('/api/portal/requests', { data: { email, subject: `Limit ${i}`, body: 'Counting.' } });
    expect(ok.status()).toBe(201);
  }
  const limited = await anon.post('/api/portal/requests', { data: { email, subject: 'One too many', body: 'Counting.' } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await limited.json()).error.message).toMatch(/Too many requests in a short time\. Please wait \d+ seconds?/);

  // Sign-in per email: past the limit, a 429 with Retry-After and the message shown on the form.
  const victim = `iso-a-${id}@example.com`;
  const login = await newCustomerPage(browser);
  for (let i = 0; i < 5; i++) {
    await login.goto('/portal/login');
    await login.getByLabel('Email').fill(victim);
    await login.getByLabel('Password').fill('wrong-password');
    await login.getByRole('button', { name: 'Sign in' }).click();
    await expect(login.getByTestId('form-error')).toBeVisible();
  }
  const [response] = await Promise.all([
    login.waitForResponse((r) => r.url().includes('/api/auth/callback/customer')),
    login.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  expect(response.status()).toBe(429);
  expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
  await expect(login.getByTestId('form-error')).toContainText('Too many sign-in attempts');
});
