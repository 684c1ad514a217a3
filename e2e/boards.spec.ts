import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { newCustomerPage, signInStaff, signUpCustomer, unique } from './helpers';
import { expectAccessible, screenshots } from './portal-helpers';

/**
 * A known data set in June 2025 (no other spec or demo ticket lives there), imported by an admin. The
 * workspace time zone is UTC. By hand:
 * - T1 purchase/delivery, agent1: reply after 1 h and solved → FCR; rated 5.
 * - T2 purchase/delivery, agent2: reply after 2 h and solved, the customer writes again (reopen), solved → not FCR; rated 2 "Took two tries".
 * - T3 usage/mobile_app, agent1: solved without a reply → FCR null.
 * - T4 usage/website: reply after 4 h, never solved.
 * Created 4, solved 3, FCR 1 of 2 = 50%, 1 without reply, reopen 1 of 3 = 33%; FRT [3600, 7200, 14400] →
 * median 2 h 0 min, p90 12960 s = 3 h 36 min; CSAT 1 of 2 = 50%.
 */
const RANGE = 'from=2025-06-01&to=2025-06-07';
const A1 = 'agent1@touchpoint.test';
const A2 = 'agent2@touchpoint.test';

function dataSet(tag: string) {
  const msg = (at: string, author: string, body = 'text') => ({ type: 'message', at: `2025-06-${at}:00Z`, author, visibility: 'public', body });
  const solved = (at: string, by: string) => ({ type: 'status', at: `2025-06-${at}:00Z`, status: 'solved', by });
  const base = (n: number, day: string, stage: string, touchpoint: string, assignee: string | null, events: unknown[]) => ({
    external_id: `board-${tag}-${n}`,
    subject: `Board ticket ${n} ${tag}`,
    customer: { email: `board-${tag}-${n}@example.com`, name: `Board customer ${n}` },
    created_at: `2025-06-${day}T10:00:00Z`,
    created_by: 'customer',
    channel: 'email',
    journey_stage: stage,
    touchpoint,
    assignee,
    events: [msg(`${day}T10:00`, 'customer', 'help'), ...events],
  });
  return [
    base(1, '02', 'purchase', 'delivery', A1, [msg('02T11:00', A1), solved('02T11:00', A1), { type: 'csat', at: '2025-06-02T12:00:00Z', score: 5 }]),
    base(2, '03', 'purchase', 'delivery', A2, [
      msg('03T12:00', A2),
      solved('03T12:00', A2),
      msg('03T14:00', 'customer', 'still broken'),
      msg('03T15:00', A2),
      solved('03T15:00', A2),
      { type: 'csat', at: '2025-06-03T16:00:00Z', score: 2, comment: 'Took two tries' },
    ]),
    base(3, '04', 'usage', 'mobile_app', A1, [solved('04T11:00', A1)]),
    base(4, '05', 'usage', 'website', null, [msg('05T14:00', A1)]),
  ];
}

let ids: Record<string, number> = {};

test.beforeAll(async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInStaff(page, 'admin@touchpoint.test');
  // A fixed tag: a worker restarted after a failure imports nothing twice (repeats are skipped, ids returned).
  const res = await page.request.post('/api/v1/import/tickets', { data: { tickets: dataSet('e2e') } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ failed: [] });
  expect(body.imported + body.skipped).toBe(4);
  ids = Object.fromEntries(Object.entries(body.ids as Record<string, number>).map(([k, v]) => [k.split('-').pop()!, v]));
  await page.context().close();
});

/** The ticket ids the inbox lists (one page holds them all here). */
async function inboxIds(page: Page): Promise<number[]> {
  await expect(page.getByTestId('inbox-table').or(page.getByText('No tickets match'))).toBeVisible();
  const rows = await page.getByTestId('inbox-row').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-ticket-id'))));
  return rows.sort((a, b) => a - b);
}

test('the FCR board shows the hand-computed figures, and drill-downs open exactly their tickets', async ({ page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  await page.goto(`/boards?${RANGE}`);
  await expect(page.getByTestId('fcr-rate')).toHaveText('50%');
  await expect(page.getByTestId('fcr-without-reply')).toHaveText('1');
  await expect(page.getByTestId('fcr-reopen-rate')).toHaveText('33%');
  await expect(page.getByTestId('fcr-solved')).toHaveText('3');
  // An empty day says "no data", not 0%.
  await page.getByText('Table view').first().click();
  const series = page.getByTestId('fcr-series-table');
  await expect(series.getByRole('row', { name: /2025-06-01/ })).toContainText('no data');
  await expectAccessible(page, 'FCR board');
  await screenshots(page, 'board-fcr');

  const purchase = page.getByTestId('fcr-by-journey_stage').getByRole('row', { name: /Purchase/ });
  await expect(purchase).toContainText('50%');
  await purchase.getByRole('link', { name: '1 tickets not resolved on first contact: open in inbox' }).click();
  await page.waitForURL(/\/inbox\?/);
  expect(page.url()).toContain('journey_stage=purchase');
  expect(page.url()).toContain('fcr=false');
  expect(await inboxIds(page)).toEqual([ids['2']]);

  await page.goto(`/boards?${RANGE}`);
  await page.getByRole('link', { name: '1 tickets solved without a reply: open in inbox' }).first().click();
  await page.waitForURL(/\/inbox\?/);
  expect(await inboxIds(page)).toEqual([ids['3']]);
});

test('the response board: FRT median and p90, the histogram, the live SLA list; calendar and business', async ({ page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  await page.goto(`/boards/response?${RANGE}`);
  await expect(page.getByTestId('frt-median')).toHaveText('2 h 0 min');
  await expect(page.getByText('p90 3 h 36 min')).toBeVisible();
  await page.getByText('Table view').nth(1).click();
  const histogram = page.getByTestId('frt-histogram-table');
  await expect(histogram.getByRole('row', { name: /1 – 4 h/ })).toContainText('2');
  await expect(histogram.getByRole('row', { name: /4 – 8 h/ })).toContainText('1');
  await expect(page.getByTestId('sla-live-checked')).toContainText('refreshes every 30 s');
  // The live list refetches through its API route, without a reload.
  const refetch = page.waitForResponse((r) => r.url().includes('/api/v1/boards/sla-live') && r.status() === 200, { timeout: 40_000 });
  await refetch;
  await page.getByRole('link', { name: 'Business hours' }).click();
  await page.waitForURL(/clock=business/);
  await expect(page.getByText('First response counted inside business hours.')).toBeVisible();
  await expect(page.getByTestId('frt-median')).toHaveText('2 h 0 min'); // every wait was inside Mon–Fri 09–17 UTC
  // One breakdown at a time, team first; the picker's links keep the range and the clock.
  await expect(page.getByTestId('response-by-team')).toBeVisible();
  await expect(page.getByTestId('response-by-agent')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Breakdown' }).getByRole('link', { name: 'Agent' }).click();
  await page.waitForURL(/by=agent/);
  expect(page.url()).toContain('clock=business');
  await expect(page.getByTestId('response-by-agent')).toBeVisible();
  await expect(page.getByTestId('response-by-team')).toHaveCount(0);
  await expectAccessible(page, 'response board');
  await screenshots(page, 'board-response');
});

test('the CSAT board and the journey heatmap; a heatmap cell opens its tickets', async ({ page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  await page.goto(`/boards/csat?${RANGE}`);
  await expect(page.getByTestId('csat-score')).toHaveText('50%');
  await expect(page.getByTestId('csat-responses')).toHaveText('2');
  await expect(page.getByTestId('csat-comments').getByText('“Took two tries”')).toBeVisible();
  await expect(page.getByTestId('csat-comments').getByRole('link', { name: new RegExp(`#${ids['2']} `) })).toHaveAttribute('href', `/tickets/${ids['2']}`);
  await expectAccessible(page, 'CSAT board');
  await screenshots(page, 'board-csat');

  await page.goto(`/boards/heatmap?${RANGE}&colour=csat`);
  const cell = page.locator('[data-cell="purchase|delivery"]');
  await expect(cell).toContainText('2');
  await expect(cell).toContainText('50%');
  await expect(page.locator('[data-cell="usage|website"]')).toContainText('1');
  await expectAccessible(page, 'heatmap');
  await screenshots(page, 'board-heatmap');
  await cell.getByRole('link').click();
  await page.waitForURL(/\/inbox\?/);
  expect(await inboxIds(page)).toEqual([ids['1'], ids['2']]);
});

test('CSV: a board table equals the metrics API, per-ticket rows are the range’s tickets', async ({ page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  const csv = await page.request.get(`/api/v1/export/board?board=fcr&table=series&${RANGE}&interval=day`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const [header, ...rows] = (await csv.text()).trimEnd().split('\r\n').map((l) => l.split(','));
  const api = await (await page.request.get('/api/v1/metrics?from=2025-06-01T00:00:00Z&to=2025-06-08T00:00:00Z&interval=day')).json();
  expect(rows).toHaveLength(api.series.length);
  rows.forEach((row, i) => {
    const s = api.series[i];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('period_start')).toBe(s.start);
    expect(Number(cell('created'))).toBe(s.created);
    expect(Number(cell('fcr_numerator'))).toBe(s.fcr.numerator);
    expect(Number(cell('fcr_denominator'))).toBe(s.fcr.denominator);
    expect(cell('first_response_median_seconds')).toBe(s.first_response.median_seconds === null ? '' : String(s.first_response.median_seconds));
  });
  const tickets = await page.request.get(`/api/v1/export/tickets?${RANGE}`);
  const lines = (await tickets.text()).trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^ticket_id,created_at,/);
  expect(lines.slice(1).map((l) => Number(l.split(',')[0])).sort((a, b) => a - b)).toEqual([ids['1'], ids['2'], ids['3'], ids['4']].sort((a, b) => a - b));
});

test('agents see only their own figures; other agents, customers and anonymous visitors are refused', async ({ browser, page }) => {
  await signInStaff(page, A1);
  await page.goto(`/boards?${RANGE}`);
  await expect(page.getByText('Your own figures')).toBeVisible();
  await expect(page.getByLabel('Agent')).toHaveCount(0);
  await expect(page.getByTestId('fcr-solved')).toHaveText('2'); // T1 and T3
  await expect(page.getByTestId('fcr-rate')).toHaveText('100%');
  await expect(page.getByText('Download CSV')).toHaveCount(0);

  // Agent 2's id, from the list API as a lead sees it (T2 is theirs).
  const lead = await (await browser.newContext()).newPage();
  await signInStaff(lead, 'lead@touchpoint.test');
  const list = await (await lead.request.get('/api/v1/tickets?view=all&created_from=2025-06-03&created_to=2025-06-03')).json();
  const otherId = list.tickets.find((t: { id: number }) => t.id === ids['2']).assignee.id;
  for (const path of [`/boards?agent=${otherId}`, `/boards/heatmap?agent=${otherId}`, `/boards/csat?agent=${otherId}`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  expect((await page.request.get(`/api/v1/boards/sla-live?agent=${otherId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/v1/export/tickets?${RANGE}`)).status()).toBe(403);
  expect((await page.request.get(`/api/v1/export/board?board=fcr&table=team&${RANGE}`)).status()).toBe(403);

  const customer = await newCustomerPage(browser);
  await signUpCustomer(customer, 'Bo Boards', `bo-${unique()}@example.com`);
  expect((await customer.goto('/boards'))?.status()).toBe(404);
  expect((await customer.goto('/boards/heatmap'))?.status()).toBe(404);
  expect((await customer.request.get('/api/v1/boards/sla-live')).status()).toBe(403);
  expect((await customer.request.get(`/api/v1/export/tickets?${RANGE}`)).status()).toBe(403);

  const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get('/api/v1/export/tickets')).status()).toBe(401);
  await page.context().clearCookies();
  await page.goto('/boards/response');
  await page.waitForURL(/\/login\?callbackUrl=%2Fboards%2Fresponse/);
});

test('bad board parameters show what to fix, on the page and the API', async ({ page }) => {
  await signInStaff(page, 'lead@touchpoint.test');
  const res = await page.goto('/boards?range=12');
  expect(res?.status()).toBe(200);
  await expect(page.getByText(/range must be 7, 30 or 90/)).toBeVisible();
  await page.goto('/boards/heatmap?from=2026-03-05&to=2026-03-01');
  await expect(page.getByText('from must be on or before to')).toBeVisible();
  const api = await page.request.get('/api/v1/export/board?board=fcr&table=colour');
  expect(api.status()).toBe(400);
  expect((await api.json()).error.message).toMatch(/table must be one of/);
});
