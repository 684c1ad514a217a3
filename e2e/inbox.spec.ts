import { expect, test, type Page } from '@playwright/test';
import { newCustomerPage, signInStaff, signUpCustomer, submitRequest, unique } from './helpers';

const ready = (page: Page) => expect(page.locator('[data-ready=true]')).toBeVisible();

test('filters live in the URL and each narrows the list', async ({ page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  await page.goto('/inbox?view=all');
  await ready(page);
  const filters: Array<[string, string, (row: string) => boolean]> = [
    ['Status', 'pending', (row) => /Pending/.test(row)],
    ['Priority', 'urgent', (row) => /Urgent/.test(row)],
  ];
  for (const [label, value, check] of filters) {
    await page.goto('/inbox?view=all');
    await page.getByLabel(label, { exact: true }).selectOption(value);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(new RegExp(`${label.toLowerCase()}=${value}`));
    const rows = await page.getByTestId('inbox-row').allInnerTexts();
    expect(rows.length, `${label}=${value}`).toBeGreaterThan(0);
    for (const row of rows) expect(check(row), row).toBe(true);
  }
  // Every other filter is accepted from the URL and answers with a page (possibly empty), never an error.
  const more = ['channel=email', 'journey_stage=purchase', 'touchpoint=delivery', 'tag=wait_time', 'team=none', 'assignee=none', 'fcr=false',
    'reopened=true', 'sla=breached', 'sla=at_risk', 'created_from=2020-01-01', 'first_solved_from=2020-01-01', 'rated_from=2020-01-01', 'first_response_to=2030-01-01', 'customer=1'];
  for (const filter of more) {
    const res = await page.request.get(`/api/v1/tickets?view=all&${filter}`);
    expect(res.status(), filter).toBe(200);
  }
  // And the page itself, with several of them at once from a shared link.
  await page.goto(`/inbox?view=all&${more.slice(0, 4).join('&')}`);
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await expect(page.getByTestId('form-error')).toHaveCount(0);
  const bad = await page.request.get('/api/v1/tickets?status=lost');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/status must be among/);
  expect((await page.request.get('/api/v1/tickets?limit=500')).status()).toBe(400);
  expect((await page.request.get('/api/v1/tickets?cursor=garbage')).status()).toBe(400);
});

test('search finds a ticket by a word of its message and highlights it', async ({ browser, page }) => {
  const word = `zebra${unique()}`;
  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Sam Search', `sam-${unique()}@example.com`);
  await submitRequest(customer, 'Strange noise from my device', `It makes a ${word} sound at night.`);
  await signInStaff(page);
  await page.getByLabel('Search').fill(word);
  await page.getByLabel('Search').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByTestId('inbox-row')).toHaveCount(1);
  await expect(page.getByTestId('search-snippet').locator('mark')).toHaveText(word);
});

test('paging forward and back across pages', async ({ page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  await page.goto('/inbox?view=all');
  const idsOn = (p: Page) => p.getByTestId('inbox-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket-id')));
  const first = await idsOn(page);
  expect(first).toHaveLength(50);
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.getByRole('button', { name: 'Previous page' })).toBeVisible();
  const second = await idsOn(page);
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect(page.getByTestId('inbox-row').first()).toHaveAttribute('data-ticket-id', first[0]!);
  expect(await idsOn(page)).toEqual(first);
});

test('bulk assign changes every selected ticket and says so', async ({ page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  await page.goto('/inbox?view=unassigned');
  await ready(page);
  const rows = page.getByTestId('inbox-row');
  const count = Math.min(await rows.count(), 2);
  expect(count, 'the demo data always leaves some tickets unassigned').toBeGreaterThan(0);
  const ids = [];
  for (let i = 0; i < count; i++) {
    ids.push(await rows.nth(i).getAttribute('data-ticket-id'));
    await rows.nth(i).getByRole('checkbox').check();
  }
  const bar = page.getByTestId('bulk-bar');
  await bar.getByLabel('Change').selectOption('assign');
  await bar.getByLabel('To').selectOption({ label: 'Lee Lead' });
  await bar.getByRole('button', { name: /Apply to/ }).click();
  await expect(page.getByTestId('form-success')).toHaveText(`${count} changed.`);
  for (const id of ids) {
    const res = await page.request.get(`/api/v1/tickets?view=my_open&limit=100`);
    expect((await res.json()).tickets.map((t: { id: number }) => String(t.id))).toContain(id);
  }
});

test('keyboard: j/k move, x selects, a assigns to me, Enter opens, ? shows the shortcuts', async ({ page }) => {
  await signInStaff(page, 'agent2@touchpoint.test');
  await page.goto('/inbox?view=unassigned');
  await ready(page);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('x');
  await expect(page.locator('[data-testid=inbox-row][aria-selected=true]')).toHaveCount(1);
  const id = await page.getByTestId('inbox-row').first().getAttribute('data-ticket-id');
  await page.keyboard.press('a');
  await expect(page.getByText(`#${id} is yours`)).toBeVisible();
  await page.goto('/inbox?view=my_open');
  await ready(page);
  await expect(page.locator(`[data-testid=inbox-row][data-ticket-id="${id}"]`)).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search')).toBeFocused();
  await page.getByLabel('Search').blur();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tickets\/\d+/);
});

test('polling shows a ticket created in another session without a reload', async ({ browser, page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  await page.goto('/inbox?view=all_open');
  await ready(page);
  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Paula Poll', `paula-${unique()}@example.com`);
  const subject = `Live ${unique()}`;
  await submitRequest(customer, subject, 'Did you see me arrive?');
  await expect(page.getByTestId('new-tickets-banner')).toHaveText(/1 new ticket/, { timeout: 30_000 });
  await page.getByTestId('new-tickets-banner').click();
  await expect(page.getByTestId('inbox-row').first()).toContainText(subject);
});

test('two agents see each other on a ticket, and in its inbox row', async ({ browser, page }) => {
  await signInStaff(page, 'agent3@touchpoint.test');
  await page.goto('/inbox?view=all_open');
  await ready(page);
  const row = page.getByTestId('inbox-row').first();
  const id = await row.getAttribute('data-ticket-id');

  const other = await (await browser.newContext()).newPage();
  await signInStaff(other, 'agent4@touchpoint.test');
  await other.goto(`/tickets/${id}`);
  await other.getByLabel('Reply').fill('Drafting an answer…');

  await page.goto(`/tickets/${id}`);
  await expect(page.getByTestId('presence')).toContainText(/is (viewing|writing a reply)/, { timeout: 15_000 });
  await expect(other.getByTestId('presence')).toContainText('is viewing', { timeout: 15_000 });
  await page.goto('/inbox?view=all_open');
  await expect(page.locator(`[data-testid=inbox-row][data-ticket-id="${id}"] [data-testid=row-presence]`)).toBeVisible({ timeout: 15_000 });
});

test('a filtered inbox can be saved as a named view and opened again', async ({ page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  await page.goto('/inbox?view=all&status=pending&sort=priority');
  await ready(page);
  await page.getByRole('button', { name: 'Save as view…' }).click();
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByTestId('field-error')).toHaveText('Name the view');
  const name = `Pending by priority ${Date.now().toString(36)}`;
  await page.getByLabel('View name').fill(name);
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page).toHaveURL(/view=saved%3A\d+|view=saved:\d+/);
  await expect(page.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  const statuses = await page.getByTestId('inbox-row').getByTestId('status-badge').allInnerTexts();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['Pending']));
});

test('the availability switch stays on across pages and turns itself off at sign-out', async ({ page }) => {
  await signInStaff(page, 'agent5@touchpoint.test');
  const toggle = page.getByRole('switch');
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveText('Available for new tickets');
  await page.reload();
  await expect(page.getByRole('switch')).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.waitForURL('**/login**');
  await signInStaff(page, 'agent5@touchpoint.test');
  await expect(page.getByRole('switch')).toHaveAttribute('aria-checked', 'false');
});
