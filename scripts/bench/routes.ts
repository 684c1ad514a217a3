/** The routes the bench measures, and the budgets the issues set for them (p95 or p50, 1 connection). */
import type postgres from 'postgres';
import { heavyTicket } from './heavy-ticket';

export type Auth = 'bearer' | 'cookie';
export interface Budget {
  stat: 'p50' | 'p95';
  ms: number;
}
export interface RouteDef {
  name: string;
  auth: Auth;
  /** One or more paths; autocannon cycles through them. */
  paths: string[];
  /** A write route: the method and JSON body sent to every path (GET without a body otherwise). */
  post?: { body: string };
  budget?: Budget;
  /** Why the route has no paths, when it has none. */
  note?: string;
}

export const ROUTE_NAMES = [
  'inbox-api', 'inbox-api-deep', 'inbox-filtered', 'search-common', 'search-rare', 'inbox-page', 'ticket-page', 'ticket-page-heavy', 'ticket-metrics', 'metrics-30d',
  'metrics-30d-grouped', 'metrics-90d', 'board-30d', 'board-90d', 'heatmap', 'reply',
] as const;

export const BUDGETS: Record<string, Budget> = {
  'inbox-api': { stat: 'p95', ms: 100 },
  'inbox-api-deep': { stat: 'p50', ms: 40 },
  'inbox-filtered': { stat: 'p50', ms: 40 },
  'search-common': { stat: 'p95', ms: 300 },
  'search-rare': { stat: 'p95', ms: 300 },
  'inbox-page': { stat: 'p95', ms: 100 },
  'ticket-page': { stat: 'p50', ms: 15 },
  // Issue 6: 200 messages and a customer with 100 tickets "renders < 300 ms server-side".
  'ticket-page-heavy': { stat: 'p95', ms: 300 },
  'ticket-metrics': { stat: 'p50', ms: 10 },
  'metrics-30d': { stat: 'p95', ms: 300 },
  'metrics-30d-grouped': { stat: 'p95', ms: 300 },
  'board-30d': { stat: 'p95', ms: 300 },
  'board-90d': { stat: 'p95', ms: 800 },
  heatmap: { stat: 'p95', ms: 300 },
  reply: { stat: 'p50', ms: 20 },
};

const OPEN = `status in ('new', 'open', 'pending', 'on_hold') and merged_into_id is null`;
/** The open queue, newest first (the list API's default order for this view). */
export const INBOX_PATH = '/api/v1/tickets?view=all_open';

export interface RouteContext {
  ticketIds: number[];
  /** Open tickets for the reply route (a closed ticket refuses replies). */
  openTicketIds: number[];
  deepCursor: string | null;
  deepNote?: string;
  deepOffset: number;
  openCount: number;
  heavyTicketId: number | null;
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');

/**
 * A keyset cursor about 2,000 pages (100,000 rows) into the open queue. Rather than importing the app's cursor
 * code, it copies the shape of the API's own next_cursor (JSON `{ s, v: [created_at, id] }`, or the older
 * `created_at|id`) and checks that page 1 ends where SQL says, so the list's order is really (created_at, id) desc.
 */
async function deepCursor(sql: postgres.Sql, baseUrl: string, token: string, offset: number): Promise<Pick<RouteContext, 'deepCursor' | 'deepNote'>> {
  const res = await fetch(baseUrl + INBOX_PATH, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) return { deepCursor: null, deepNote: `${INBOX_PATH} answered ${res.status}` };
  const body = (await res.json()) as { tickets?: unknown[]; next_cursor?: string | null };
  if (!body.next_cursor) return { deepCursor: null, deepNote: 'the open queue has a single page' };
  const at = async (n: number) =>
    (await sql<{ created_at: Date; id: number }[]>`
      select created_at, id from tickets where ${sql.unsafe(OPEN)} order by created_at desc, id desc offset ${n} limit 1`)[0];
  const pageEnd = await at((body.tickets?.length ?? 50) - 1);
  const row = await at(offset);
  const sample = Buffer.from(body.next_cursor, 'base64url').toString();
  if (sample.startsWith('{')) {
    const parsed = JSON.parse(sample) as { v?: unknown[] };
    if (Array.isArray(parsed.v) && parsed.v.length === 2 && parsed.v[1] === pageEnd?.id && row) {
      return { deepCursor: b64(JSON.stringify({ ...parsed, v: [row.created_at.toISOString(), row.id] })) };
    }
  } else if (pageEnd && row && sample.endsWith(`|${pageEnd.id}`)) {
    return { deepCursor: b64(`${row.created_at.toISOString()}|${row.id}`) };
  }
  return { deepCursor: null, deepNote: `unrecognised cursor ${sample.slice(0, 80)} (is the default order still created_at desc?)` };
}

/** Ticket ids spread over the table, and the deep cursor (80% of the open queue when it is under 125,000). */
export async function routeContext(sql: postgres.Sql, baseUrl: string, token: string): Promise<RouteContext> {
  const [{ max }] = await sql<{ max: number | null }[]>`select max(id)::int as max from tickets`;
  const ticketIds: number[] = [];
  for (const f of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const [row] = await sql<{ id: number }[]>`select id from tickets where id >= ${Math.ceil((max ?? 0) * f)} order by id limit 1`;
    if (row && !ticketIds.includes(row.id)) ticketIds.push(row.id);
  }
  // Not the ticket page's ids: every run's replies would otherwise grow those threads, and a later run with
  // --skip-seed would measure a ticket page with hundreds of messages.
  const openTicketIds = (
    await sql<{ id: number }[]>`
      select id from tickets where ${sql.unsafe(OPEN)} and id >= ${Math.ceil((max ?? 0) / 2)} and id <> all(${ticketIds}::int[]) order by id limit 5`
  ).map((r) => r.id);
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from tickets where ${sql.unsafe(OPEN)}`;
  const deepOffset = Math.min(100_000, Math.floor(n * 0.8));
  const heavyTicketId = await heavyTicket(sql);
  return { ticketIds, openTicketIds, deepOffset, openCount: n, heavyTicketId, ...(await deepCursor(sql, baseUrl, token, deepOffset)) };
}

export function buildRoutes(ctx: RouteContext, now: Date): RouteDef[] {
  const iso = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const to = now.toISOString();
  const metrics = (days: number, extra = '') => `/api/v1/metrics?from=${encodeURIComponent(iso(days))}&to=${encodeURIComponent(to)}${extra}`;
  const boards = (range: string) => [`/boards?range=${range}`, `/boards/response?range=${range}`, `/boards/csat?range=${range}`, `/api/v1/boards/sla-live?range=${range}`];
  const defs: Omit<RouteDef, 'budget'>[] = [
    { name: 'inbox-api', auth: 'bearer', paths: [INBOX_PATH] },
    { name: 'inbox-api-deep', auth: 'bearer', paths: ctx.deepCursor ? [`${INBOX_PATH}&cursor=${ctx.deepCursor}`] : [] },
    { name: 'inbox-filtered', auth: 'bearer', paths: ['/api/v1/tickets?view=all_open&journey_stage=purchase&priority=high&sort=last_activity'] },
    { name: 'search-common', auth: 'bearer', paths: ['/api/v1/tickets?view=all&q=refund'] },
    { name: 'search-rare', auth: 'bearer', paths: ['/api/v1/tickets?view=all&q=xylophone'] },
    { name: 'inbox-page', auth: 'cookie', paths: ['/inbox'] },
    { name: 'ticket-page', auth: 'cookie', paths: ctx.ticketIds.map((id) => `/tickets/${id}`) },
    { name: 'ticket-page-heavy', auth: 'cookie', paths: ctx.heavyTicketId ? [`/tickets/${ctx.heavyTicketId}`] : [] },
    { name: 'ticket-metrics', auth: 'bearer', paths: ctx.ticketIds.map((id) => `/api/v1/tickets/${id}/metrics`) },
    { name: 'metrics-30d', auth: 'bearer', paths: [metrics(30)] },
    { name: 'metrics-30d-grouped', auth: 'bearer', paths: [metrics(30, '&group_by=team')] },
    { name: 'metrics-90d', auth: 'bearer', paths: [metrics(90)] },
    // Whole pages: each board renders its figures on the server; only the response board's live SLA list
    // refetches later (every 30 s), through the API path measured beside it.
    { name: 'board-30d', auth: 'cookie', paths: boards('30') },
    { name: 'board-90d', auth: 'cookie', paths: boards('90') },
    { name: 'heatmap', auth: 'cookie', paths: ['/boards/heatmap?range=30', '/boards/heatmap?range=30&colour=frt'] },
    // Last, so the messages it adds do not weigh on the reads above. A public reply: the full write path
    // (facts, events, rollup trigger, the mail job).
    {
      name: 'reply',
      auth: 'bearer',
      paths: ctx.openTicketIds.map((id) => `/api/v1/tickets/${id}/messages`),
      post: { body: JSON.stringify({ body: 'Thanks for your patience, this is fixed now.', visibility: 'public' }) },
    },
  ];
  return defs.map((d) => ({ ...d, budget: BUDGETS[d.name], note: d.name === 'inbox-api-deep' ? ctx.deepNote : undefined }));
}
