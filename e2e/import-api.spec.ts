import { expect, request as playwrightRequest, test } from '@playwright/test';
import { signInStaff, unique } from './helpers';

const record = (externalId: string) => ({
  external_id: externalId,
  subject: 'Imported from the old helpdesk',
  customer: { email: `imported-${externalId}@example.com`, name: 'Ivy Import' },
  created_at: '2025-03-04T10:00:00Z',
  created_by: 'customer',
  channel: 'email',
  priority: 'normal',
  journey_stage: 'purchase',
  touchpoint: 'delivery',
  events: [
    { type: 'message', at: '2025-03-04T10:00:00Z', author: 'customer', visibility: 'public', body: 'Where is my parcel?' },
    { type: 'message', at: '2025-03-04T11:00:00Z', author: 'agent1@touchpoint.test', visibility: 'public', body: 'On its way.' },
    { type: 'status', at: '2025-03-04T11:00:00Z', status: 'solved', by: 'agent1@touchpoint.test' },
  ],
});

test('only admins import: lead 403, anonymous 401; an admin gets ids, a repeat is skipped', async ({ browser, page }) => {
  const id = `E2E-${unique()}`;
  const lead = await (await browser.newContext()).newPage();
  await signInStaff(lead, 'lead@touchpoint.test');
  expect((await lead.request.post('/api/v1/import/tickets', { data: { tickets: [record(id)] } })).status()).toBe(403);
  const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.post('/api/v1/import/tickets', { data: { tickets: [record(id)] } })).status()).toBe(401);

  await signInStaff(page, 'admin@touchpoint.test');
  const first = await page.request.post('/api/v1/import/tickets', { data: { tickets: [record(id), { ...record(`${id}-bad`), events: [] }] } });
  expect(first.status()).toBe(200);
  const body = await first.json();
  expect(body).toMatchObject({ imported: 1, skipped: 0, failed: [{ index: 1, external_id: `${id}-bad` }] });
  const ticketId = body.ids[id];
  const metrics = await page.request.get(`/api/v1/tickets/${ticketId}/metrics`);
  expect(await metrics.json()).toMatchObject({ status: 'solved', first_response_seconds: 3600, fcr: true });

  const again = await page.request.post('/api/v1/import/tickets', { data: { tickets: [record(id)] } });
  expect(await again.json()).toMatchObject({ imported: 0, skipped: 1, ids: { [id]: ticketId } });

  const tooMany = await page.request.post('/api/v1/import/tickets', { data: { tickets: Array.from({ length: 1001 }, (_, i) => record(`${id}-${i}`)) } });
  expect(tooMany.status()).toBe(413);
  const malformed = await page.request.post('/api/v1/import/tickets', { headers: { 'content-type': 'application/json' }, data: '{"tickets": [' });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe('invalid');
});
