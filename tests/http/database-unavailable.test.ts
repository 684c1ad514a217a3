import { afterEach, describe, expect, it } from 'vitest';
import { databaseDownSince, noteDatabaseUp } from '@/db/availability';
import { asUnavailable, DatabaseUnavailableError, isDatabaseUnavailable } from '@/db/unavailable';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/errors';
import { portalRoute } from '@/server/http/portal-api';
import { outageFailure } from '@/server/unavailable';

const withCode = (code: string) => Object.assign(new Error(`write ${code} 127.0.0.1:5432`), { code });
/** What drizzle throws: its own error, with the driver's as the cause. */
const wrapped = (cause: unknown) => new Error('Failed query: select 1', { cause });

afterEach(() => noteDatabaseUp());

describe('telling a database outage from a bug', () => {
  it.each(['ECONNREFUSED', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'QUERY_TIMEOUT', '57P01', '57P02', '57P03', '08006', '53300'])(
    'recognises %s, also inside a wrapping error',
    (code) => {
      expect(isDatabaseUnavailable(withCode(code))).toBe(true);
      expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(true);
    },
  );

  it('recognises an AggregateError of refused connections (happy eyeballs) and our own error from another bundle', () => {
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { digest: DATABASE_UNAVAILABLE_DIGEST }))).toBe(true);
  });

  it('leaves real failures alone: a unique violation, a syntax error, a statement timeout, a plain bug', () => {
    for (const code of ['23505', '42601', '57014']) expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('asUnavailable gives pages an error with the digest the error page knows, and notes the outage', () => {
    const error = asUnavailable(wrapped(withCode('ECONNREFUSED')));
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as DatabaseUnavailableError).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    expect(databaseDownSince()).not.toBeNull();
    const bug = new TypeError('bug');
    expect(asUnavailable(bug)).toBe(bug);
  });

  it('outageFailure is an "unavailable" ServiceError with a Retry-After, or nothing', () => {
    expect(outageFailure(withCode('57P01'))).toMatchObject({ code: 'unavailable', details: { retryAfterSeconds: 5 } });
    expect(outageFailure(new Error('bug'))).toBeUndefined();
  });
});

describe('the portal API wrapper during an outage (apiRoute is proven end to end in tests/fault)', () => {
  const context = { params: Promise.resolve({}) };

  it('portalRoute answers 503 with Retry-After and an actionable message', async () => {
    const route = portalRoute(async () => {
      throw wrapped(withCode('CONNECT_TIMEOUT'));
    });
    const response = await route(new Request('http://localhost/api/portal/requests'), context);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: { code: 'unavailable', message: expect.stringContaining('try again') } });
  });
});
