import { expect, request as playwrightRequest, test } from '@playwright/test';
import { newCustomerPage, signInStaff, signUpCustomer, unique } from './helpers';

const range = () => {
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86_400_000);
  return `from=${from.toISOString()}&to=${to.toISOString()}`;
};

test('leads and admins read metrics; agents and customers get 403, anonymous 401', async ({ browser, page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  const lead = await page.request.get(`/api/v1/metrics?${range()}&group_by=team&interval=week`);
  expect(lead.status()).toBe(200);
  const body = await lead.json();
  expect(body.totals.created).toBeGreaterThan(0);
  expect(body.groups.length).toBeGreaterThan(0);
  expect(body.series.length).toBeGreaterThanOrEqual(5);
  expect(body.totals.fcr.denominator).toBeGreaterThanOrEqual(body.totals.fcr.numerator);
  const ticket = await page.request.get('/api/v1/tickets/1/metrics');
  expect(ticket.status()).toBe(200);
  expect(await ticket.json()).toMatchObject({ ticket_id: 1, sla: expect.any(Object) });

  const agentPage = await (await browser.newContext()).newPage();
  await signInStaff(agentPage, 'agent1@touchpoint.test');
  for (const path of [`/api/v1/metrics?${range()}`, '/api/v1/tickets/1/metrics']) {
    const res = await agentPage.request.get(path);
    expect(res.status(), path).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'forbidden', message: expect.any(String) });
  }

  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Mo Metrics', `mo-${unique()}@example.com`);
  expect((await customer.request.get(`/api/v1/metrics?${range()}`)).status()).toBe(403);

  const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get(`/api/v1/metrics?${range()}`)).status()).toBe(401);
});

test('bad metrics parameters get 400 with a message that says what to fix', async ({ page }) => {
  await signInStaff(page, 'admin@touchpoint.test');
  const cases: Array<[string, RegExp]> = [
    ['from=yesterday&to=2026-01-01T00:00:00Z', /from must be an ISO instant/],
    ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', /from must be before to/],
    ['from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', /at most 366 days/],
    ['from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&group_by=colour', /group_by must be one of/],
    ['to=2026-02-01T00:00:00Z', /from is required/],
  ];
  for (const [query, message] of cases) {
    const res = await page.request.get(`/api/v1/metrics?${query}`);
    expect(res.status(), query).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(message);
  }
  expect((await page.request.get('/api/v1/tickets/999999/metrics')).status()).toBe(404);
  expect((await page.request.get('/api/v1/tickets/abc/metrics')).status()).toBe(400);
});
