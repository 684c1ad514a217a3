import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { AGENT, newCustomerPage, signInStaff, signUpCustomer, submitRequest, unique } from './helpers';
import { expectAccessible, screenshots } from './portal-helpers';

const ADMIN = 'admin@touchpoint.test';
const LEAD = 'lead@touchpoint.test';
const XSS_NAME = `<img src=x onerror="window.__xss=1">`;

/** A customer (with an HTML name) files two requests; the agent opens the newest. Returns its id. */
async function twoRequestsOpened(browser: import('@playwright/test').Browser, page: Page, id: string) {
  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, `${XSS_NAME} Cy ${id}`, `cy-${id}@example.com`);
  await submitRequest(customer, `First order ${id}`, 'It never came.', { stage: 'Buying or ordering', touchpoint: 'With a delivery' });
  const subject = `<script>window.__xss=1</script> Again ${id}`;
  await submitRequest(customer, subject, 'Still nothing.');
  await signInStaff(page);
  await page.getByTestId('inbox-row').filter({ hasText: `Again ${id}` }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
  return { ticketId: Number(new URL(page.url()).pathname.split('/').pop()), subject, customer };
}

/** Types into a picker and chooses the first match with the keyboard. */
async function pick(page: Page, picker: string, text: string) {
  const box = page.getByRole('combobox', { name: picker });
  await box.focus();
  await page.keyboard.type(text);
  await expect(page.getByRole('listbox', { name: picker }).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Enter');
}

test('an agent sets stage, touchpoint and tags by keyboard, edits the fields, and sees the customer history; HTML stays text', async ({ browser, page }) => {
  const id = unique();
  const { subject } = await twoRequestsOpened(browser, page, id);

  // The history panel: the customer's name as text, the earlier ticket with its stage, and the journey strip.
  const history = page.getByTestId('customer-history');
  await expect(history.getByTestId('customer-name')).toHaveText(`${XSS_NAME} Cy ${id}`);
  await expect(history.getByTestId('history-ticket')).toHaveCount(1);
  await expect(history.getByTestId('history-ticket')).toContainText(`First order ${id}`);
  await expect(history.getByTestId('history-ticket')).toContainText('Purchase · Delivery');
  await expect(history.getByTestId('journey-strip')).toHaveText('Purchase');

  // The pickers list the taxonomy in its order, with descriptions, and search by typing.
  const stageBox = page.getByRole('combobox', { name: 'Journey stage' });
  await stageBox.focus();
  const options = page.getByRole('listbox', { name: 'Journey stage' }).getByRole('option');
  await expect(options.first()).toContainText('Awareness');
  await expect(options.first()).toContainText('Learning about a product or service');
  await page.keyboard.type('onbo');
  await expect(options).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cx-stage-current')).toHaveText('Onboarding');

  await pick(page, 'Touchpoint', 'mobile');
  await expect(page.getByTestId('cx-touchpoint-current')).toHaveText('Mobile app');
  // The tag list, open and grouped (pain point, driver, sentiment), is itself accessible.
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 10_000 }); // toasts are not the page under test
  await page.getByRole('combobox', { name: 'CX tags' }).focus();
  await expect(page.getByRole('listbox', { name: 'CX tags' }).getByRole('group', { name: 'Driver' })).toBeVisible();
  await expectAccessible(page, 'open tag picker');
  await page.keyboard.press('Escape');
  await pick(page, 'CX tags', 'wait');
  await expect(page.getByTestId('cx-tags-current')).toContainText('Wait time');
  await pick(page, 'CX tags', 'negat');
  await expect(page.getByTestId('cx-tags-current')).toContainText('Negative');
  await page.getByRole('button', { name: 'Remove tag Wait time' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cx-tags-current')).not.toContainText('Wait time');

  // Status, priority and assignee with native selects, saved with the keyboard.
  await page.getByLabel('Status', { exact: true }).selectOption('pending');
  await page.getByLabel('Priority', { exact: true }).selectOption('high');
  await page.getByRole('button', { name: 'Save changes' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-badge')).toHaveText('Pending');
  await page.getByRole('button', { name: 'Assign to me' }).click();
  await expect(page.getByTestId('fact-assignee')).toHaveText('Priya Natarajan');

  // Everything survives a reload, and no HTML from the customer ran or rendered as markup.
  await page.reload();
  await expect(page.getByTestId('cx-stage-current')).toHaveText('Onboarding');
  await expect(page.getByTestId('cx-tags-current')).toHaveText(/Negative/);
  await expect(page.getByLabel('Priority', { exact: true })).toHaveValue('high');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expectAccessible(page, 'ticket page');
  await screenshots(page, 'ticket-workspace');

  // The customer page shows the same history; the customer search finds them by email.
  await history.getByRole('link', { name: /Profile/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${XSS_NAME} Cy ${id}`);
  await expect(page.getByTestId('history-ticket')).toHaveCount(2);
  await page.goto(`/customers?q=cy-${id}`);
  await expect(page.getByRole('link', { name: `${XSS_NAME} Cy ${id}` })).toBeVisible();
});

test('two agents change one ticket: the second sees who changed it to what, and their change is not saved', async ({ browser, page }) => {
  const id = unique();
  const { ticketId } = await twoRequestsOpened(browser, page, id);
  const lead = await (await browser.newContext()).newPage();
  await signInStaff(lead, LEAD);
  await lead.goto(`/tickets/${ticketId}`);

  await page.getByLabel('Priority', { exact: true }).selectOption('urgent');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Ticket updated')).toBeVisible();

  // The lead's page still carries the old version.
  await lead.getByLabel('Priority', { exact: true }).selectOption('low');
  await lead.getByRole('button', { name: 'Save changes' }).click();
  await expect(lead.getByTestId('edit-conflict')).toHaveText('Priya Natarajan changed the priority to Urgent; your change was not saved.');
  await expect(lead.getByLabel('Priority', { exact: true })).toHaveValue('urgent');

  // A note from the stale page still goes through: notes never conflict.
  await lead.getByRole('tab', { name: 'Internal note' }).click();
  await lead.getByLabel('Note').fill(`lead note ${id}`);
  await lead.getByRole('button', { name: 'Add note' }).click();
  await expect(lead.getByTestId('internal-note').filter({ hasText: `lead note ${id}` })).toBeVisible();
});

test('PATCH /api/v1/tickets/{id}: 200, then 409 with the current values; 400, 401, 403 and 404', async ({ browser, page }) => {
  const id = unique();
  const { ticketId, customer } = await twoRequestsOpened(browser, page, id);
  const url = `/api/v1/tickets/${ticketId}`;
  const first = await page.request.patch(url, { data: { version: 1, journey_stage: 'usage', tags: ['app_bug'] } });
  expect(first.status()).toBe(200);
  const { ticket } = await first.json();
  expect(ticket).toMatchObject({ id: ticketId, version: 2, journey_stage: 'usage', tags: ['app_bug'] });

  const stale = await page.request.patch(url, { data: { version: 1, journey_stage: 'renewal' } });
  expect(stale.status()).toBe(409);
  const conflict = (await stale.json()).error;
  expect(conflict.code).toBe('conflict');
  expect(conflict.message).toBe('Priya Natarajan changed the journey stage to Usage; your change was not saved.');
  expect(conflict.details.current).toMatchObject({ version: 2, journey_stage: 'usage', tags: ['app_bug'] });

  expect((await page.request.patch(url, { data: { version: 2, status: 'deleted' } })).status()).toBe(400);
  expect((await page.request.patch(url, { data: { version: 2, subject: 'nope' } })).status()).toBe(400);
  expect((await page.request.patch(url, { data: 'not json', headers: { 'content-type': 'application/json' } })).status()).toBe(400);
  expect((await page.request.patch('/api/v1/tickets/99999999', { data: { version: 1, priority: 'low' } })).status()).toBe(404);
  const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.patch(url, { data: { version: 2, priority: 'low' } })).status()).toBe(401);
  const asCustomer = await customer.request.patch(url, { data: { version: 2, priority: 'low' } });
  expect(asCustomer.status()).toBe(403);
});

test('an admin edits the taxonomy; labels with HTML are text; a retired entry is no longer offered', async ({ page }) => {
  const id = unique();
  const key = `e2e_${id.replace(/[^a-z0-9]/g, '')}`;
  const label = `<b>Bold</b> stage ${id}`;
  await signInStaff(page, ADMIN);
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Taxonomy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taxonomy');

  // A bad key is refused with a message; a good one is added at the end.
  const stages = page.getByRole('form', { name: 'Add a stage' });
  await stages.getByLabel('New stage key').fill('Bad Key');
  await stages.getByLabel('New stage label').fill(label);
  await stages.evaluate((form) => form.setAttribute('novalidate', ''));
  await stages.getByRole('button', { name: 'Add stage' }).click();
  await expect(stages.getByTestId('field-error')).toContainText('Use lowercase letters');
  await stages.getByLabel('New stage key').fill(key);
  await stages.getByRole('button', { name: 'Add stage' }).click();
  const list = page.getByRole('list', { name: 'Journey stages' });
  const row = list.getByTestId('taxonomy-entry').filter({ hasText: key });
  await expect(row.getByTestId('taxonomy-label')).toHaveText(label);
  await expect(page.locator('b', { hasText: 'Bold' })).toHaveCount(0);
  await expect(list.getByTestId('taxonomy-entry').last()).toHaveAttribute('data-key', key);

  // The same key again is refused: keys are unique and never change.
  await stages.getByLabel('New stage key').fill(key);
  await stages.getByLabel('New stage label').fill('Again');
  await stages.getByRole('button', { name: 'Add stage' }).click();
  await expect(stages.getByTestId('field-error')).toContainText('already used');

  // Rename, move up, retire.
  await row.getByRole('button', { name: `Edit ${label}` }).click();
  await row.getByLabel('Label', { exact: true }).fill(`Renamed ${id}`);
  await row.getByRole('button', { name: /^Save/ }).click();
  const renamed = list.getByTestId('taxonomy-entry').filter({ hasText: key });
  await expect(renamed.getByTestId('taxonomy-label')).toHaveText(`Renamed ${id}`);
  await renamed.getByRole('button', { name: `Move Renamed ${id} up` }).click();
  await expect(list.getByTestId('taxonomy-entry').nth(-2)).toHaveAttribute('data-key', key);

  // A tag whose label is HTML, in the driver group.
  const tags = page.getByRole('form', { name: 'Add a tag' });
  await tags.getByLabel('New tag key').fill(`${key}_tag`);
  await tags.getByLabel('New tag label').fill(`${XSS_NAME} tag ${id}`);
  await tags.getByLabel('Group', { exact: true }).selectOption('driver');
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('list', { name: 'Driver tags' }).getByTestId('taxonomy-entry').filter({ hasText: `${key}_tag` })).toContainText(`${XSS_NAME} tag ${id}`);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 10_000 }); // toasts are not the page under test
  await expectAccessible(page, 'taxonomy page');
  await screenshots(page, 'settings-taxonomy');

  // Offered on a ticket while active, gone from the picker once retired.
  await page.goto('/inbox');
  await page.getByTestId('inbox-row').first().getByRole('link').click();
  await page.getByRole('combobox', { name: 'Journey stage' }).fill(`Renamed ${id}`);
  await expect(page.getByRole('listbox', { name: 'Journey stage' }).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cx-stage-current')).toHaveText(`Renamed ${id}`);
  await page.goto('/settings/taxonomy');
  await page.getByRole('list', { name: 'Journey stages' }).getByRole('button', { name: `Retire Renamed ${id}` }).click();
  await expect(page.getByRole('list', { name: 'Journey stages' }).getByTestId('taxonomy-entry').filter({ hasText: key })).toContainText('retired');
  await page.goBack();
  await page.reload();
  // The ticket keeps its retired stage, marked as such; the picker no longer offers it.
  await expect(page.getByTestId('cx-stage-current')).toHaveText(`Renamed ${id}retired`);
  await page.getByRole('combobox', { name: 'Journey stage' }).fill(`Renamed ${id}`);
  await expect(page.getByRole('listbox', { name: 'Journey stage' })).toHaveCount(0);
  await expect(page.getByText('Nothing matches')).toBeVisible();
});

test('agents and leads cannot edit the taxonomy: no page, and a replayed admin action is refused', async ({ browser, page }) => {
  const id = unique();
  const key = `e2e_${id.replace(/[^a-z0-9]/g, '')}`;
  await signInStaff(page, ADMIN);
  await page.goto('/settings/taxonomy');
  const stages = page.getByRole('form', { name: 'Add a stage' });
  await stages.getByLabel('New stage key').fill(key);
  await stages.getByLabel('New stage label').fill(`Admin ${id}`);
  const [actionRequest] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action'])),
    stages.getByRole('button', { name: 'Add stage' }).click(),
  ]);
  await expect(page.getByText(`Admin ${id}`)).toBeVisible();
  const body = (actionRequest.postDataBuffer() ?? Buffer.alloc(0)).toString('utf8').replaceAll(key, `${key}_forged`);
  const headers = { 'next-action': actionRequest.headers()['next-action'], 'content-type': actionRequest.headers()['content-type'], accept: 'text/x-component' };

  for (const email of [AGENT, LEAD]) {
    const staff = await (await browser.newContext()).newPage();
    await signInStaff(staff, email);
    expect((await staff.goto('/settings/taxonomy'))?.status(), email).toBe(404);
    const replay = await staff.request.post(actionRequest.url(), { headers, data: body });
    expect(await replay.text(), email).toContain('forbidden');
  }
  await page.reload();
  await expect(page.getByText(`${key}_forged`)).toHaveCount(0);
  // Leave the shared e2e workspace as it was: the new stage is retired again.
  await page.getByRole('button', { name: `Retire Admin ${id}` }).click();
  await expect(page.getByTestId('taxonomy-entry').filter({ hasText: key })).toContainText('retired');
});

test('unknown or malformed ticket and customer ids are 404 pages, and customers get 404 on customer pages', async ({ browser, page }) => {
  await signInStaff(page);
  for (const path of ['/tickets/99999999', '/tickets/abc', '/tickets/99999999999', '/customers/99999999', '/customers/abc']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Nosy Customer', `nosy-${unique()}@example.com`);
  expect((await customer.goto('/customers/1'))?.status()).toBe(404);
  expect((await customer.goto('/customers'))?.status()).toBe(404);
});
