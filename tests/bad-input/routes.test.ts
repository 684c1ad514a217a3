/**
 * "No 500 on any input", for every API route: each class of bad input (NUL, other control characters, huge
 * integers, malformed encodings, 1 MB strings, wrong types) in each input of each route, one at a time, gets a
 * 4xx whose error.details names that input, with a message and no stack trace, and leaves every table as it
 * was (a checksum of every row before and after). The table is route-table.ts; a route or method it misses
 * fails the first test. Runs on PGlite, and on Postgres with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BAD_CLASSES, badValuesFor, type BadValue } from './classes';
import { changedTables, databaseChecksum } from './db-checksum';
import { ROUTE_CASES, ROUTE_GAPS, type RouteCase } from './route-table';
import { apiRoutes, callRoute, resolveValid, routeRequest, type RouteOutcome } from './run-route';
import { createWorld, type World } from './world';
import { describeDb } from '../helpers/db';
import { session } from '../idempotency/session-mock';

vi.mock('@/server/auth/session', async (importOriginal) => (await import('../idempotency/session-mock')).mockSession(importOriginal));
vi.mock('next/headers', async () => (await import('../idempotency/session-mock')).mockHeaders());
vi.mock('next/cache', async () => (await import('../idempotency/session-mock')).mockCache());

const titleOf = (c: RouteCase) => `${c.route}${c.variant ? ` (${c.variant})` : ''}`;
const namesField = (key: string, field: string) => key === field || key.startsWith(`${field}.`) || key.startsWith(`${field}[`) || field.startsWith(`${key}.`) || field.startsWith(`${key}[`);
const STACK_TRACE = /\n\s+at |Error: .*\n/;

/** What is wrong with an answer to a bad value, or null when it is right. */
function problemWith(c: RouteCase, field: string, outcome: RouteOutcome, clean: RouteOutcome | null): string | null {
  const said = `${outcome.status} ${JSON.stringify(outcome.body).slice(0, 300)}`;
  // A health check may answer 503 (the database is not up in this test); junk in its query changes nothing.
  if (c.expect === 'ignores-query') return outcome.status === clean?.status && outcome.status !== 500 ? null : `expected ${clean?.status} as without it, got ${said}`;
  if (c.expect === 'import-record') {
    const result = outcome.body as { imported?: number; failed?: { error: string }[] };
    const named = result.failed?.[0]?.error.split(':')[0] ?? '';
    if (outcome.status !== 200 || result.imported !== 0 || result.failed?.length !== 1) return `expected 200 with the one record failed, got ${said}`;
    return named && namesField(named, field) ? null : `expected the record's error to name ${field}, got ${said}`;
  }
  if (outcome.status < 400 || outcome.status > 499) return `expected a 4xx, got ${said}`;
  if (!outcome.message || STACK_TRACE.test(outcome.message)) return `expected a message a person can act on, got ${said}`;
  if (!outcome.detailKeys.some((key) => namesField(key, field))) return `expected error.details to name ${field}, got ${said}`;
  const others = outcome.detailKeys.filter((key) => !namesField(key, field));
  return others.length ? `error.details names other fields too (${others.join(', ')}): is the valid request valid? ${said}` : null;
}

describe(`bad input to every API route (${describeDb})`, () => {
  let w: World;
  let routes: Awaited<ReturnType<typeof apiRoutes>>;
  beforeAll(async () => {
    w = await createWorld();
    routes = await apiRoutes();
  });
  afterAll(() => w.handle.close());

  const actorFor = (c: RouteCase) => (c.as === 'admin' ? w.admin : c.as === 'customer' ? w.customer : null);
  const validValues = (c: RouteCase) => Object.fromEntries(Object.entries(c.fields).map(([name, spec]) => [name, resolveValid(spec.valid, w)]));

  it('the table covers every route and method under app/api, and nothing else', () => {
    const served = [...routes.keys()];
    const listed = new Set([...ROUTE_CASES.map((c) => c.route), ...ROUTE_GAPS.map((g) => g.route)]);
    expect(served.filter((r) => !listed.has(r)), 'add these routes to tests/bad-input/route-table.ts').toEqual([]);
    expect([...listed].filter((r) => !routes.has(r)), 'these routes in the table no longer exist').toEqual([]);
  });

  it('every class of bad input is sent to every route that takes input', () => {
    const missing: string[] = [];
    for (const c of ROUTE_CASES) {
      const sent = new Set(Object.entries(c.fields).flatMap(([, spec]) => badValuesFor(spec.kind, spec.in, '').map((v) => v.cls)));
      for (const cls of BAD_CLASSES) if (!sent.has(cls) && !(cls === 'huge_integer' && !Object.values(c.fields).some((f) => f.in === 'json' || f.kind === 'id' || f.kind === 'number'))) missing.push(`${titleOf(c)}: ${cls}`);
    }
    expect(missing).toEqual([]);
  });

  for (const c of ROUTE_CASES) {
    describe(titleOf(c), () => {
      for (const [field, spec] of Object.entries(c.fields)) {
        it(`${field} (${spec.in}, ${spec.kind})`, async () => {
          session.actor = actorFor(c);
          const handler = routes.get(c.route)!;
          const valid = validValues(c);
          const clean = c.expect === 'ignores-query' ? await callRoute(handler, ...Object.values(routeRequest(c, w, {})) as [Request, Record<string, unknown>]) : null;
          const failures: string[] = [];
          for (const bad of badValuesFor(spec.kind, spec.in, valid[field]) as BadValue[]) {
            const before = await databaseChecksum(w.handle.db);
            const { request, params } = routeRequest(c, w, { ...valid, [field]: bad.value });
            let outcome: RouteOutcome;
            try {
              outcome = await callRoute(handler, request, params);
            } catch (error) {
              failures.push(`${bad.cls} / ${bad.label}: threw ${(error as Error).message.slice(0, 200)}`);
              continue;
            }
            const problem = problemWith(c, field, outcome, clean);
            if (problem) failures.push(`${bad.cls} / ${bad.label}: ${problem}`);
            const changed = changedTables(before, await databaseChecksum(w.handle.db));
            if (changed.length) failures.push(`${bad.cls} / ${bad.label}: the database changed (${changed.join(', ')})`);
          }
          expect(failures).toEqual([]);
        });
      }

      const takesJson = Object.values(c.fields).some((f) => f.in === 'json');
      if (takesJson) {
        it('the body as a whole: not UTF-8, not JSON, not an object', async () => {
          session.actor = actorFor(c);
          const handler = routes.get(c.route)!;
          const failures: string[] = [];
          const bodies: [string, BodyInit][] = [
            ['invalid UTF-8 bytes', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0xff, 0x22, 0x7d])],
            ['truncated JSON', '{"subject": "Par'],
            ['empty', ''],
            ['a list', '[]'],
            ['null', 'null'],
            ['a string', '"hello"'],
          ];
          for (const [label, raw] of bodies) {
            const before = await databaseChecksum(w.handle.db);
            const { request, params } = routeRequest(c, w, validValues(c), raw);
            const outcome = await callRoute(handler, request, params);
            const named = outcome.detailKeys.some((k) => k === 'request_body' || k === 'tickets');
            if (outcome.status < 400 || outcome.status > 499 || !named || !outcome.message) failures.push(`${label}: expected a 4xx naming request_body, got ${outcome.status} ${JSON.stringify(outcome.body).slice(0, 200)}`);
            const changed = changedTables(before, await databaseChecksum(w.handle.db));
            if (changed.length) failures.push(`${label}: the database changed (${changed.join(', ')})`);
          }
          expect(failures).toEqual([]);
        });
      }
    });
  }
});
