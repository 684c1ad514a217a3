import { expect, test } from '@playwright/test';

test('pages carry the security headers and a request id', async ({ request }) => {
  const res = await request.get('/login');
  expect(res.status()).toBe(200);
  const h = res.headers();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-request-id']).toMatch(/[0-9a-f-]{36}/);
});

test('health answers 200 with the database status', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', status: 'up' } });
});

test('liveness and readiness are separate probes for load balancers', async ({ request }) => {
  const live = await request.get('/api/health/live');
  expect(live.status()).toBe(200);
  expect(await live.json()).toMatchObject({ status: 'ok' });
  const ready = await request.get('/api/health/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', status: 'up' } });
  expect(ready.headers()['cache-control']).toBe('no-store');
});

test('file downloads keep their own sandboxing CSP (found or not); pages keep the page policy', async ({ page }) => {
  const SANDBOX = "default-src 'none'; sandbox";
  await page.goto('/login');
  await page.getByLabel('Email').fill('lead@touchpoint.test');
  await page.getByLabel('Password').fill('demo1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/inbox');

  const csv = await page.request.get('/api/v1/export/tickets?range=7');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-security-policy']).toBe(SANDBOX);
  const board = await page.request.get('/api/v1/export/board?board=fcr&table=series&range=30');
  expect(board.status()).toBe(200);
  expect(board.headers()['content-security-policy']).toBe(SANDBOX);
  for (const path of ['/api/attachments/99999999', '/api/portal/attachments/99999999', `/api/portal/track/${'A'.repeat(43)}/attachments/1`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBeGreaterThanOrEqual(400);
    expect(res.headers()['content-security-policy'], path).toBe(SANDBOX);
  }
  const inbox = await page.request.get('/inbox');
  expect(inbox.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
});
