import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signInStaff, signUpCustomer, submitRequest, unique } from './helpers';

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

// ---------------------------------------------------------------- router level: what Next answers before any route

/** A server action's id from the build, to post to it the way the page's script would. */
function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action ${name} in the build`);
  return id;
}

test.describe('malformed percent-escapes in the path', () => {
  for (const [method, url] of [
    ['GET', '/api/portal/track/%C0%AF'],
    ['GET', '/api/portal/requests/%C0%AF'],
    ['POST', '/api/portal/ratings/%C0%AF'],
    ['GET', '/api/portal/track/abc%E0%A4%A/attachments/1'],
    ['GET', '/api/v1/tickets/%C0%AF/metrics'],
  ] as const) {
    test(`${method} ${url} is the API's 400 naming the path`, async ({ request }) => {
      const response = method === 'GET' ? await request.get(url) : await request.post(url, { data: { score: 5 } });
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe('invalid');
      expect(body.error.details.path[0]).toMatch(/malformed percent-escape/);
    });
  }

  for (const url of ['/portal/track/%C0%AF', '/portal/rate/%C0%AF', '/portal/reset/%C0%AF', '/portal/requests/%C0%AF', '/tickets/%E0%A4%A']) {
    test(`${url} is the friendly 404 page`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: "We couldn't find that page" })).toBeVisible();
    });
  }

  test('/portal/requests/%C0%AF for a signed-in customer is the same 404', async ({ page }) => {
    await signUpCustomer(page, 'Pat Percent', `pat-${unique()}@example.com`);
    const response = await page.goto('/portal/requests/%C0%AF');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: "We couldn't find that page" })).toBeVisible();
  });

  test('a malformed escape in a page that is not a parameter is the ordinary 404', async ({ page }) => {
    const response = await page.goto('/portal/%C0%AF');
    expect(response?.status()).toBe(404);
  });
});

test.describe('server actions posted from another site', () => {
  const signUpBody = JSON.stringify([{ name: 'Eve Evil', email: 'eve@example.com', password: 'long-enough-1' }]);

  test('a fetch-style action POST whose Origin is another site is a 403, and writes nothing', async ({ request }) => {
    const response = await request.post('/portal/signup', {
      headers: { 'Next-Action': actionId('signUpAction'), Origin: 'https://evil.example', 'Content-Type': 'text/plain;charset=UTF-8' },
      data: signUpBody,
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });

  test('so is an unreadable or opaque Origin, and a form posted cross-site without script', async ({ request }) => {
    for (const origin of ['null', 'garbage']) {
      const response = await request.post('/portal/signup', { headers: { 'Next-Action': actionId('signUpAction'), Origin: origin }, data: signUpBody });
      expect(response.status()).toBe(403);
    }
    const form = await request.post('/portal/signup', {
      headers: { Origin: 'https://evil.example' },
      multipart: { [`$ACTION_ID_${actionId('signUpAction')}`]: '', name: 'Eve Evil', email: 'eve@example.com', password: 'long-enough-1' },
    });
    expect(form.status()).toBe(403);
  });

  test('the same action from the page itself still works (the sign-up in this spec goes through it too)', async ({ page }) => {
    await signUpCustomer(page, 'Sam Same-Site', `same-${unique()}@example.com`);
    await expect(page).toHaveURL(/\/portal\/new$/);
  });
});

test.describe('bad input over HTTP where a direct call cannot reach', () => {
  test('a NUL in the sign-in email is a 400 naming the field, before the CSRF check', async ({ request }) => {
    const response = await request.post('/api/auth/callback/customer', { form: { email: 'cleo\u0000@example.com', password: 'x', csrfToken: 'none', json: 'true' } });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.details.email[0]).toMatch(/U\+0000/);
    expect(new URL(body.url).searchParams.get('error')).toMatch(/U\+0000/);
  });

  for (const url of [
    '/api/auth/csrf?x=%00',
    '/api/auth/providers?x=%C0%AF',
    '/api/auth/session?x=%00%07',
    `/api/auth/error?error=${'x'.repeat(100_000)}`,
    '/api/auth/error?error=%00%C0%AF',
    '/api/auth/%C0%AF',
  ]) {
    test(`GET ${url.slice(0, 60)} is never a 5xx`, async ({ request }) => {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status()).toBeLessThan(500);
    });
  }

  test('pages read their query through the same schemas: a NUL or a huge id is never a 500', async ({ page }) => {
    await signInStaff(page);
    for (const url of ['/inbox?q=%00', '/inbox?view=team:99999999999', '/customers?q=%00', '/boards?team=99999999999', '/tickets/99999999999', '/customers/%00']) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBeLessThan(500);
    }
  });
});
