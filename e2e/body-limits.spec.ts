import http from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { newCustomerPage, signInStaff, signUpCustomer, submitRequest, unique } from './helpers';

const MB = 1024 * 1024;
const baseURL = () => test.info().project.use.baseURL!;

/**
 * A POST with `Transfer-Encoding: chunked` and no Content-Length, straight over node:http: the size is known only
 * by reading the body. Written in 64 KB chunks; the answer is read whatever happens to the rest of the upload.
 */
function postChunked(path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseURL()), { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text }));
    });
    req.on('error', reject);
    expect(req.getHeader('content-length')).toBeUndefined();
    let offset = 0;
    const writeMore = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + 64 * 1024);
        offset += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      req.end();
    };
    writeMore();
  });
}

const cookieHeader = async (page: Page) => (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
const jsonOver = (bytes: number) => Buffer.from(JSON.stringify({ name: 'x'.repeat(bytes), email: 'big@example.com', password: 'long-password' }));

function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const boundary = `----tp${unique()}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="attachments"; filename="${file.name}"\r\ncontent-type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

test('an API route refuses a body over 1 MB with a JSON 413, with or without Content-Length', async ({ request }) => {
  const declared = await request.post('/api/portal/signup', { headers: { 'content-type': 'application/json' }, data: jsonOver(1.2 * MB) });
  expect(declared.status()).toBe(413);
  expect(await declared.json()).toMatchObject({ error: { code: 'payload_too_large', message: expect.stringContaining('over 1 MB') } });

  const chunked = await postChunked('/api/portal/signup', { 'content-type': 'application/json' }, jsonOver(1.2 * MB));
  expect(chunked.status).toBe(413);
  expect(chunked.type).toContain('application/json');
  expect(JSON.parse(chunked.text)).toMatchObject({ error: { code: 'payload_too_large' } });

  // A small chunked body goes through to the route (which answers it as usual: here, a field error).
  const small = await postChunked('/api/portal/signup', { 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ name: '', email: 'x' })));
  expect(small.status).toBe(400);
});

test('the messages API keeps its large limit for files: 2 MB goes through, chunked past 55 MB is a 413', async ({ page }) => {
  await signInStaff(page);
  const { tickets } = await (await page.request.get('/api/v1/tickets?view=all&limit=1')).json();
  const path = `/api/v1/tickets/${tickets[0].id}/messages`;
  const cookie = await cookieHeader(page);

  const ok = multipart({ body: `Big note ${unique()}`, visibility: 'internal' }, { name: 'log.txt', type: 'text/plain', data: Buffer.alloc(2 * MB, 'a') });
  const accepted = await postChunked(path, { 'content-type': ok.type, cookie }, ok.body);
  expect(accepted.status, accepted.text).toBe(201);

  const huge = multipart({ body: 'too big', visibility: 'internal' }, { name: 'log.txt', type: 'text/plain', data: Buffer.alloc(57 * MB, 'a') });
  const refused = await postChunked(path, { 'content-type': huge.type, cookie }, huge.body);
  expect(refused.status).toBe(413);
  expect(JSON.parse(refused.text)).toMatchObject({ error: { code: 'payload_too_large', message: expect.stringContaining('at most 5 files of 10 MB') } });
});

test('server actions: the upload action takes 2 MB, another action on the same page refuses 1 MB with a clear message', async ({ browser, page }) => {
  const id = unique();
  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Body Limits', `limits-${id}@example.com`);
  await submitRequest(customer, `Limits ${id}`, 'Checking body limits.');

  await signInStaff(page);
  await page.goto('/inbox');
  await page.getByTestId('inbox-row').filter({ hasText: `Limits ${id}` }).getByRole('link').click();

  // The composer (an upload action) sends a 2 MB file.
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await page.getByLabel('Note').fill(`With a big file ${id}`);
  await page.getByLabel('Attachments').setInputFiles([{ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(2 * MB, 'b') }]);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('internal-note').filter({ hasText: `With a big file ${id}` })).toContainText('big.txt');

  // "Link a related ticket" is a small action: padded past 1 MB, it is refused before it runs, and says why.
  const linkForm = page.locator('form').filter({ has: page.getByLabel('Link a related ticket') });
  await linkForm.evaluate((form) => {
    const pad = document.createElement('input');
    pad.type = 'hidden';
    pad.name = 'pad';
    pad.value = 'x'.repeat(1.1 * 1024 * 1024);
    form.appendChild(pad);
  });
  await page.getByLabel('Link a related ticket').fill('1');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action'])),
    linkForm.getByRole('button').first().click(),
  ]);
  expect(response.status()).toBe(413);
  await expect(page.getByText('Too large to send: the form is over 1 MB')).toBeVisible();

  // The same action id over plain HTTP, chunked (no Content-Length), 1.5 MB: refused the same way.
  const actionHeaders = { 'next-action': response.request().headers()['next-action'], accept: 'text/x-component', cookie: await cookieHeader(page) };
  const padded = await postChunked(new URL(page.url()).pathname, { ...actionHeaders, 'content-type': 'text/plain;charset=UTF-8' }, Buffer.alloc(1.5 * MB, 'x'));
  expect(padded.status).toBe(413);
  expect(padded.type).toBe('text/plain');
  expect(padded.text).toContain('Too large to send');
});
