/**
 * Every API route, method by method, with the inputs each one reads: where each input travels (query, path,
 * JSON body, form), its kind, and a valid value. The runner (routes.test.ts) sends every bad value of every
 * class to every input, one input at a time with the others valid, and fails when a route or method under
 * app/api is missing here.
 */
import type { FieldKind } from './classes';
import type { World } from './world';

export type Who = 'admin' | 'customer' | 'guest';
export type Placement = 'query' | 'path' | 'json' | 'form';

export interface FieldSpec {
  in: Placement;
  kind: FieldKind;
  /** A valid value: the other inputs keep theirs while one is made bad. */
  valid: unknown | ((w: World) => unknown);
  /** How the value is written (`team:` + id for a view): applied to bad values as well. */
  wrap?: (value: unknown) => unknown;
}

export interface RouteCase {
  /** `METHOD /api/...` as the file system names it. */
  route: string;
  /** A second way to call the same route (a guest instead of an account, multipart instead of JSON). */
  variant?: string;
  as: Who;
  fields: Record<string, FieldSpec>;
  /** Path parameters that are not under test, and the catch-all's segments. */
  params?: (w: World) => Record<string, string | string[]>;
  /**
   * `details` (default): a 4xx whose error.details names the field. `import-record`: the import answers 200
   * and fails the one record, naming the field. `ignores-query`: a route without input answers as it does
   * without the junk (and never 5xx).
   */
  expect?: 'details' | 'import-record' | 'ignores-query';
  /** Builds the JSON body from the json fields (default: an object of them). */
  body?: (json: Record<string, unknown>) => unknown;
}

/** A route this runner cannot call in-process, and the test that covers it over HTTP instead. */
export interface RouteGap {
  route: string;
  coveredBy: string;
  why: string;
}

const boardFields: Record<string, FieldSpec> = {
  range: { in: 'query', kind: 'choice', valid: 'custom' },
  from: { in: 'query', kind: 'choice', valid: '2026-01-01' },
  to: { in: 'query', kind: 'choice', valid: '2026-01-31' },
  team: { in: 'query', kind: 'id', valid: (w: World) => w.teamId },
  agent: { in: 'query', kind: 'id', valid: (w: World) => w.admin.id },
  channel: { in: 'query', kind: 'choice', valid: 'email' },
  priority: { in: 'query', kind: 'choice', valid: 'high' },
  interval: { in: 'query', kind: 'choice', valid: 'week' },
  clock: { in: 'query', kind: 'choice', valid: 'business' },
};

const inboxFilters: Record<string, FieldSpec> = {
  view: { in: 'query', kind: 'id', valid: (w: World) => w.teamId, wrap: (v) => (typeof v === 'string' || typeof v === 'number' ? `team:${v}` : v) },
  status: { in: 'query', kind: 'choice', valid: 'open,pending' },
  assignee: { in: 'query', kind: 'id', valid: (w: World) => w.admin.id },
  team: { in: 'query', kind: 'id', valid: (w: World) => w.teamId },
  customer: { in: 'query', kind: 'id', valid: (w: World) => w.customer.id },
  journey_stage: { in: 'query', kind: 'choice', valid: 'purchase' },
  tag: { in: 'query', kind: 'choice', valid: 'wait_time' },
  q: { in: 'query', kind: 'line', valid: 'parcel' },
  created_from: { in: 'query', kind: 'choice', valid: '2026-01-01' },
};

const ticketPath: FieldSpec = { in: 'path', kind: 'id', valid: (w: World) => w.ticketId };

const importRecord = {
  external_id: 'OLD-1',
  subject: 'Late parcel',
  customer: { email: 'imported@example.com', name: 'Ida Imported' },
  created_at: '2025-01-02T10:00:00Z',
  created_by: 'customer',
  channel: 'email',
  journey_stage: 'purchase',
  tags: ['wait_time'],
  events: [{ type: 'message', at: '2025-01-02T10:00:00Z', author: 'customer', visibility: 'public', body: 'Where is my parcel?' }],
};

export const ROUTE_CASES: RouteCase[] = [
  { route: 'GET /api/attachments/[id]', as: 'admin', fields: { id: { in: 'path', kind: 'id', valid: 1 } } },
  {
    route: 'POST /api/auth/[...nextauth]',
    as: 'guest',
    params: () => ({ nextauth: ['callback', 'customer'] }),
    fields: { email: { in: 'form', kind: 'choice', valid: 'cleo@example.com' } },
  },
  { route: 'GET /api/health', as: 'guest', expect: 'ignores-query', fields: { probe: { in: 'query', kind: 'choice', valid: 'x' } } },
  { route: 'GET /api/health/live', as: 'guest', expect: 'ignores-query', fields: { probe: { in: 'query', kind: 'choice', valid: 'x' } } },
  { route: 'GET /api/health/ready', as: 'guest', expect: 'ignores-query', fields: { probe: { in: 'query', kind: 'choice', valid: 'x' } } },
  { route: 'GET /api/portal/attachments/[id]', as: 'customer', fields: { id: { in: 'path', kind: 'id', valid: 1 } } },
  { route: 'POST /api/portal/password-reset', as: 'guest', fields: { email: { in: 'json', kind: 'choice', valid: 'cleo@example.com' } } },
  {
    route: 'POST /api/portal/ratings/[token]',
    as: 'guest',
    fields: {
      token: { in: 'path', kind: 'choice', valid: (w: World) => w.ratingToken },
      score: { in: 'json', kind: 'number', valid: 5 },
      comment: { in: 'json', kind: 'multiline', valid: 'Quick and kind.\nThanks!' },
    },
  },
  { route: 'GET /api/portal/requests/[key]', as: 'customer', fields: { key: { in: 'path', kind: 'choice', valid: (w: World) => w.publicKey } } },
  { route: 'GET /api/portal/requests', as: 'customer', expect: 'ignores-query', fields: { probe: { in: 'query', kind: 'choice', valid: 'x' } } },
  {
    route: 'POST /api/portal/requests',
    as: 'customer',
    fields: {
      subject: { in: 'json', kind: 'line', valid: 'Parcel arrived broken' },
      body: { in: 'json', kind: 'multiline', valid: 'The box was crushed.\nPhotos to follow.' },
      journeyStage: { in: 'json', kind: 'choice', valid: 'purchase' },
      touchpoint: { in: 'json', kind: 'choice', valid: 'delivery' },
      reference: { in: 'json', kind: 'line', valid: 'ORDER-1234' },
    },
  },
  {
    route: 'POST /api/portal/requests',
    variant: 'as a guest',
    as: 'guest',
    fields: {
      email: { in: 'json', kind: 'choice', valid: 'guest@example.com' },
      name: { in: 'json', kind: 'line', valid: 'Gus Guest' },
      subject: { in: 'json', kind: 'line', valid: 'Parcel arrived broken' },
      body: { in: 'json', kind: 'multiline', valid: 'The box was crushed.' },
    },
  },
  {
    route: 'POST /api/portal/signup',
    as: 'guest',
    fields: {
      name: { in: 'json', kind: 'line', valid: 'Sam Signup' },
      email: { in: 'json', kind: 'choice', valid: 'sam@example.com' },
      password: { in: 'json', kind: 'multiline', valid: 'correct-horse-2' },
    },
  },
  {
    route: 'GET /api/portal/track/[token]/attachments/[id]',
    as: 'guest',
    fields: { token: { in: 'path', kind: 'choice', valid: (w: World) => w.guestToken }, id: { in: 'path', kind: 'id', valid: 1 } },
  },
  { route: 'GET /api/portal/track/[token]', as: 'guest', fields: { token: { in: 'path', kind: 'choice', valid: (w: World) => w.guestToken } } },
  { route: 'GET /api/v1/boards/sla-live', as: 'admin', fields: boardFields },
  {
    route: 'GET /api/v1/export/board',
    as: 'admin',
    fields: { board: { in: 'query', kind: 'choice', valid: 'fcr' }, table: { in: 'query', kind: 'choice', valid: 'team' }, ...boardFields },
  },
  { route: 'GET /api/v1/export/tickets', as: 'admin', fields: boardFields },
  {
    route: 'POST /api/v1/import/tickets',
    as: 'admin',
    expect: 'import-record',
    body: (json) => ({ tickets: [json] }),
    fields: {
      external_id: { in: 'json', kind: 'line', valid: importRecord.external_id },
      subject: { in: 'json', kind: 'line', valid: importRecord.subject },
      'customer.email': { in: 'json', kind: 'choice', valid: importRecord.customer.email },
      'customer.name': { in: 'json', kind: 'line', valid: importRecord.customer.name },
      created_at: { in: 'json', kind: 'choice', valid: importRecord.created_at },
      created_by: { in: 'json', kind: 'choice', valid: importRecord.created_by },
      channel: { in: 'json', kind: 'choice', valid: importRecord.channel },
      journey_stage: { in: 'json', kind: 'choice', valid: importRecord.journey_stage },
      'tags[0]': { in: 'json', kind: 'choice', valid: importRecord.tags[0] },
      'events[0].type': { in: 'json', kind: 'choice', valid: 'message' },
      'events[0].at': { in: 'json', kind: 'choice', valid: importRecord.events[0].at },
      'events[0].author': { in: 'json', kind: 'choice', valid: 'customer' },
      'events[0].visibility': { in: 'json', kind: 'choice', valid: 'public' },
      'events[0].body': { in: 'json', kind: 'multiline', valid: importRecord.events[0].body },
    },
  },
  {
    route: 'GET /api/v1/metrics',
    as: 'admin',
    fields: {
      from: { in: 'query', kind: 'choice', valid: '2026-01-01T00:00:00Z' },
      to: { in: 'query', kind: 'choice', valid: '2026-02-01T00:00:00Z' },
      group_by: { in: 'query', kind: 'choice', valid: 'touchpoint' },
      interval: { in: 'query', kind: 'choice', valid: 'day' },
      team: { in: 'query', kind: 'line', valid: 'Support' },
      agent: { in: 'query', kind: 'choice', valid: 'admin@touchpoint.test' },
      journey_stage: { in: 'query', kind: 'choice', valid: 'purchase' },
      touchpoint: { in: 'query', kind: 'choice', valid: 'delivery' },
      channel: { in: 'query', kind: 'choice', valid: 'email' },
      priority: { in: 'query', kind: 'choice', valid: 'normal' },
    },
  },
  {
    route: 'POST /api/v1/tickets/[id]/messages',
    as: 'admin',
    fields: {
      id: ticketPath,
      body: { in: 'json', kind: 'multiline', valid: 'Looking into it.\nBack soon.' },
      visibility: { in: 'json', kind: 'choice', valid: 'internal' },
      status: { in: 'json', kind: 'choice', valid: 'pending' },
    },
  },
  {
    route: 'POST /api/v1/tickets/[id]/messages',
    variant: 'multipart',
    as: 'admin',
    fields: {
      id: ticketPath,
      body: { in: 'form', kind: 'multiline', valid: 'Looking into it.' },
      visibility: { in: 'form', kind: 'choice', valid: 'internal' },
      status: { in: 'form', kind: 'choice', valid: 'pending' },
    },
  },
  { route: 'GET /api/v1/tickets/[id]/metrics', as: 'admin', fields: { id: ticketPath } },
  { route: 'POST /api/v1/tickets/[id]/presence', as: 'admin', fields: { id: ticketPath, state: { in: 'json', kind: 'choice', valid: 'viewing' } } },
  { route: 'DELETE /api/v1/tickets/[id]/presence', as: 'admin', fields: { id: ticketPath } },
  {
    route: 'PATCH /api/v1/tickets/[id]',
    as: 'admin',
    fields: {
      id: ticketPath,
      version: { in: 'json', kind: 'number', valid: 1 },
      status: { in: 'json', kind: 'choice', valid: 'pending' },
      priority: { in: 'json', kind: 'choice', valid: 'high' },
      assignee_id: { in: 'json', kind: 'id', valid: (w: World) => w.admin.id },
      team_id: { in: 'json', kind: 'id', valid: (w: World) => w.teamId },
      journey_stage: { in: 'json', kind: 'choice', valid: 'purchase' },
      touchpoint: { in: 'json', kind: 'choice', valid: 'delivery' },
      'tags.0': { in: 'json', kind: 'choice', valid: 'wait_time' },
    },
  },
  {
    route: 'GET /api/v1/tickets/changes',
    as: 'admin',
    fields: {
      since: { in: 'query', kind: 'sequence', valid: 0 },
      ids: { in: 'query', kind: 'id', valid: (w: World) => w.ticketId },
      created_after: { in: 'query', kind: 'choice', valid: '2026-01-01T00:00:00Z' },
      ...inboxFilters,
    },
  },
  {
    route: 'GET /api/v1/tickets',
    as: 'admin',
    fields: {
      ...inboxFilters,
      sort: { in: 'query', kind: 'choice', valid: 'created' },
      limit: { in: 'query', kind: 'number', valid: 25 },
      cursor: { in: 'query', kind: 'choice', valid: undefined },
    },
  },
];

export const ROUTE_GAPS: RouteGap[] = [
  {
    route: 'GET /api/auth/[...nextauth]',
    coveredBy: 'e2e/bad-input.spec.ts',
    why: "next-auth's handler reads cookies() and headers() from a live Next request scope, which a direct call lacks",
  },
];
