import { expect, test, type Page } from '@playwright/test';
import { newCustomerPage, signInStaff, signUpCustomer, submitRequest, unique } from './helpers';
import { expectAccessible } from './portal-helpers';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const png = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG });

/** Screenshots to look at by eye, only with TP_SCREENSHOTS=1 (as in the portal specs). */
async function shot(page: Page, name: string, locator?: ReturnType<Page['locator']>) {
  if (!process.env.TP_SCREENSHOTS) return;
  await (locator ?? page).screenshot({ path: `test-results/screens/${name}.png`, ...(locator ? {} : { fullPage: true }) });
}

async function openTicket(page: Page, subject: string): Promise<number> {
  await page.goto('/inbox');
  await page.getByTestId('inbox-row').filter({ hasText: subject }).getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(subject);
  return Number(/\/tickets\/(\d+)/.exec(page.url())![1]);
}

test('macros with /, replies and notes with attachments, scoped downloads, merge', async ({ browser, page }) => {
  const id = unique();
  const subject = `Cracked screen ${id}`;

  // The customer submits a request with a photo; a disguised SVG is refused with a clear message and nothing is lost.
  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Mona Macro', `mona-${id}@example.com`);
  await customer.goto('/portal/new');
  await customer.getByLabel('Subject').fill(subject);
  await customer.getByLabel('Description').fill('It arrived cracked, photo attached.');
  await customer.getByLabel('Attachments').setInputFiles([
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload="alert(1)"/>') },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(11 * 1024 * 1024, 32)]) },
  ]);
  await customer.getByRole('button', { name: 'Submit request' }).click();
  await expect(customer.getByTestId('field-error')).toContainText('photo.png is not a file type we accept');
  await expect(customer.getByTestId('field-error')).toContainText('scan.pdf is 11.0 MB; each file can be at most 10.0 MB.');
  await expect(customer.getByLabel('Subject')).toHaveValue(subject);
  await customer.getByLabel('Attachments').setInputFiles([png('crack.png')]);
  await customer.getByRole('button', { name: 'Submit request' }).click();
  await customer.waitForURL('**/portal/requests/**');
  const requestUrl = customer.url();
  await expect(customer.getByTestId('attachments')).toContainText('crack.png');

  // The agent keeps a personal macro whose text carries placeholders and markup, and an action.
  await signInStaff(page);
  await page.goto('/macros');
  const form = page.getByRole('form', { name: 'New macro' });
  await form.getByLabel('Name').fill(`Replacement ${id}`);
  await form.getByLabel('Text').fill('Hi {{customer.name}}, a replacement for #{{ticket.id}} is on its way. <b>{{agent.name}}</b>');
  await form.getByLabel('On send, set status').selectOption('pending');
  await form.getByRole('button', { name: 'Create macro' }).click();
  await expect(page.getByTestId('macro-list')).toContainText(`Replacement ${id}`);
  await shot(page, 'macros-page');
  await page.reload(); // without the fading "Macro created" toast, which axe reads mid-animation
  await expectAccessible(page, 'macros page');

  // Typing / in the composer lists the macros; Enter inserts the filled text.
  const ticketId = await openTicket(page, subject);
  await expect(page.getByTestId('attachments')).toContainText('crack.png');
  const composer = page.getByLabel('Reply');
  await composer.fill('/');
  await composer.pressSequentially(`replacement ${id}`);
  await expect(page.getByTestId('macro-list').getByRole('option')).toHaveCount(1);
  await expect(page.getByTestId('macro-list')).toContainText('On send: set status Pending');
  await shot(page, 'composer-macro-list', page.locator('form').filter({ has: page.getByTestId('composer-visibility') }));
  await expectAccessible(page, 'ticket page with the macro list open');
  await composer.press('Enter');
  await expect(composer).toHaveValue(`Hi Mona Macro, a replacement for #${ticketId} is on its way. <b>Priya Natarajan</b>`);
  await expect(page.getByTestId('chosen-macro')).toContainText(`Replacement ${id}`);

  // Send it with an attachment: the macro's status applies, the markup shows as text.
  await page.getByLabel('Attachments').setInputFiles([png('label.png')]);
  await page.getByRole('button', { name: 'Send reply' }).click();
  const sent = page.getByTestId('public-message').filter({ hasText: 'a replacement for' });
  await expect(sent).toContainText('<b>');
  await expect(sent.getByTestId('attachments')).toContainText('label.png');
  await expect(page.getByTestId('status-badge')).toHaveText('Pending');

  // An internal note with a file; a traversal name is refused.
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await page.getByLabel('Note').fill(`INTERNAL-${id} courier claim`);
  await page.getByLabel('Attachments').setInputFiles([{ name: 'claim.txt', mimeType: 'text/plain', buffer: Buffer.from(`INTERNAL-${id} claim form`) }]);
  await page.getByRole('button', { name: 'Add note' }).click();
  const note = page.getByTestId('internal-note').filter({ hasText: `INTERNAL-${id}` });
  await expect(note.getByTestId('attachments')).toContainText('claim.txt');
  await shot(page, 'thread-with-attachments', page.getByTestId('thread'));
  const internalHref = await note.getByRole('link', { name: /claim\.txt/ }).getAttribute('href');
  const publicHref = await sent.getByRole('link', { name: /label\.png/ }).getAttribute('href');
  const staffDownload = await page.request.get(internalHref!);
  expect(staffDownload.status()).toBe(200);
  expect(await staffDownload.text()).toBe(`INTERNAL-${id} claim form`);
  expect(staffDownload.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");

  // From the keyboard: the Macros button opens a search box; Enter inserts the match.
  await page.getByRole('button', { name: 'Macros' }).press('Enter');
  await expect(page.getByLabel('Search macros')).toBeFocused();
  await page.getByLabel('Search macros').fill(`replacement ${id}`);
  await page.getByLabel('Search macros').press('Enter');
  await expect(page.getByLabel('Note')).toHaveValue(/a replacement for #\d+ is on its way/);
  await expect(page.getByLabel('Note')).toBeFocused();

  // The messages API takes the same files as multipart, with the same refusals.
  const viaApi = await page.request.post(`/api/v1/tickets/${ticketId}/messages`, {
    multipart: { body: `API note ${id}`, visibility: 'internal', attachments: { name: 'api.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') } },
  });
  expect(viaApi.status()).toBe(201);
  expect(await viaApi.json()).toMatchObject({ attachments: 1 });
  const traversal = await page.request.post(`/api/v1/tickets/${ticketId}/messages`, {
    multipart: { body: 'x', visibility: 'internal', attachments: { name: '../../etc/passwd', mimeType: 'text/plain', buffer: Buffer.from('root') } },
  });
  expect(traversal.status()).toBe(400);
  expect((await traversal.json()).error.details.attachments[0]).toContain('cannot contain folders');

  // The customer downloads the public file as an attachment; the internal one is a 404, like an unknown id.
  await customer.goto(requestUrl);
  const link = customer.getByTestId('portal-thread').getByRole('link', { name: /label\.png/ });
  await expect(link).toBeVisible();
  expect(await customer.content()).not.toContain('claim.txt');
  const download = await customer.request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toBe(`attachment; filename="label.png"; filename*=UTF-8''label.png`);
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(download.headers()['content-type']).toBe('image/png');
  // The route's own sandboxing policy, not the page policy proxy.ts puts on pages.
  expect(download.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
  const staffPublicDownload = await page.request.get(publicHref!);
  expect(staffPublicDownload.status()).toBe(200);
  expect(staffPublicDownload.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
  const internalId = internalHref!.split('/').pop();
  expect((await customer.request.get(`/api/portal/attachments/${internalId}`)).status()).toBe(404);
  expect((await customer.request.get('/api/portal/attachments/99999999')).status()).toBe(404);
  expect((await customer.request.get(publicHref!)).status()).toBe(403); // the staff route is not the customer's
  await expectAccessible(customer, 'portal request with attachments');

  // A duplicate request is merged into the first from the ticket page.
  await submitRequest(customer, `Duplicate ${id}`, 'Same cracked screen, sorry.');
  const duplicateUrl = customer.url();
  await openTicket(page, `Duplicate ${id}`);
  await page.getByRole('button', { name: 'Merge into…' }).click();
  await page.getByLabel('Target ticket number').fill(String(ticketId));
  await page.getByLabel('Target ticket number').press('Tab');
  await expect(page.getByTestId('merge-preview')).toContainText(subject);
  await shot(page, 'merge-dialog');
  await expectAccessible(page, 'merge dialog');
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByTestId('merged-banner')).toContainText(`Merged into #${ticketId}`);
  await expect(page.getByTestId('status-badge')).toHaveText('Closed');
  await expect(page.getByLabel('Reply')).toHaveCount(0);
  await shot(page, 'merged-duplicate');
  await expect(page.getByTestId('internal-note').last()).toContainText(`Merged into #${ticketId}`);
  await page.getByTestId('merged-banner').getByRole('link').click();
  await expect(page.getByTestId('related-tickets')).toContainText(`Duplicate ${id}`);
  await expect(page.getByTestId('internal-note').last()).toContainText('> Same cracked screen, sorry.');

  await customer.goto(duplicateUrl);
  await expect(customer.getByTestId('portal-thread')).toContainText(`We merged this request into your request "${subject}"`);
  expect(await customer.content()).not.toContain('Merged into #');
  await customer.getByTestId('portal-merged').getByRole('link', { name: subject }).click();
  await customer.waitForURL(requestUrl);
  await shot(customer, 'portal-merged-duplicate');
});

