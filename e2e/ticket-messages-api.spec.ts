import { expect, request as playwrightRequest, test } from '@playwright/test';
import { newCustomerPage, signInStaff, signUpCustomer, unique } from './helpers';

test('staff post notes and replies through the API; bad input, unknown and closed tickets, customers and strangers are refused', async ({ browser, page }) => {
  await signInStaff(page);
  const list = await (await page.request.get('/api/v1/tickets?view=all_open&limit=1')).json();
  const id: number = list.tickets[0].id;
  const post = (ticketId: number | string, data: unknown) => page.request.post(`/api/v1/tickets/${ticketId}/messages`, { data });

  const note = await post(id, { body: 'Checked the courier log.', visibility: 'internal' });
  expect(note.status()).toBe(201);
  const noted = await note.json();
  expect(noted).toMatchObject({ message_id: expect.any(Number), ticket: { id } });

  const reply = await post(id, { body: 'Your refund is on its way.', visibility: 'public', status: 'solved' });
  expect(reply.status()).toBe(201);
  expect((await reply.json()).ticket).toMatchObject({ id, status: 'solved', version: noted.ticket.version + 1 });

  const empty = await post(id, { body: '  ', visibility: 'public' });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error).toMatchObject({ code: 'invalid', details: { body: ['Write a message'] } });
  expect((await post(id, 'not json')).status()).toBe(400);
  expect((await post('abc', { body: 'x', visibility: 'public' })).status()).toBe(400);
  expect((await post(999_999_999, { body: 'x', visibility: 'public' })).status()).toBe(404);

  expect((await post(id, { body: 'Closing this.', visibility: 'internal', status: 'closed' })).status()).toBe(201);
  const closed = await post(id, { body: 'One more thing', visibility: 'public' });
  expect(closed.status()).toBe(409);
  expect((await closed.json()).error.code).toBe('ticket_closed');

  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Pat Poster', `pat-${unique()}@example.com`);
  expect((await customer.request.post(`/api/v1/tickets/${id}/messages`, { data: { body: 'hi', visibility: 'public' } })).status()).toBe(403);
  const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.post(`/api/v1/tickets/${id}/messages`, { data: { body: 'hi', visibility: 'public' } })).status()).toBe(401);
});
