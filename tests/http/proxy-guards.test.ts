import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- next.config.mjs is plain JavaScript, without types
import nextConfig from '@/next.config.mjs';
import { crossSiteActionGuard, MALFORMED_PAGE_ADDRESS, malformedPathGuard } from '@/server/http/proxy-guards';

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://localhost:3107${path}`, { method: init.method ?? 'GET', headers: { host: 'localhost:3107', ...init.headers } });

describe('malformed percent-escapes in the path', () => {
  it.each(['/api/portal/track/%C0%AF', '/api/portal/requests/%E0%A4%A', '/api/portal/ratings/100%', '/api/v1/tickets/%ZZ'])('%s: the API answers 400 naming the path', async (path) => {
    const response = malformedPathGuard(request(path), new Headers())!;
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid');
    expect(body.error.details.path[0]).toMatch(/malformed percent-escape/);
  });

  it.each(['/portal/track/%C0%AF', '/portal/requests/ab%E0%A4%Axy', '/portal/rate/100%', '/portal/reset/%C3%A9t%C0?x=1', '/tickets/%C0'])(
    '%s: a page is rewritten to an address no route serves, which is the friendly 404',
    (path) => {
      const response = malformedPathGuard(request(path), new Headers())!;
      const rewritten = new URL(response.headers.get('x-middleware-rewrite')!);
      expect(rewritten.pathname).toBe(MALFORMED_PAGE_ADDRESS);
      expect(rewritten.search).toBe('');
    },
  );

  it.each(['/portal/track/abc', '/api/portal/requests/%C3%A9', '/portal/requests/%00', '/inbox'])('%s decodes, so it passes', (path) => {
    expect(malformedPathGuard(request(path), new Headers())).toBeNull();
  });
});

describe('server actions posted from another site', () => {
  const action = (headers: Record<string, string>, method = 'POST', path = '/portal/signup') =>
    crossSiteActionGuard(request(path, { method, headers: { 'next-action': 'abc123', ...headers } }));

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['the opaque origin', { origin: 'null' }],
    ['an unreadable Origin', { origin: 'garbage' }],
    ['the same host on another port', { origin: 'http://localhost:9999' }],
    ['a forwarded host that differs from the Origin', { origin: 'http://localhost:3107', 'x-forwarded-host': 'help.example.com' }],
  ])('%s is a 403', async (_name, headers) => {
    const response = action(headers)!;
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });

  it('a multipart form posted cross-site without script (no Next-Action header) is a 403 too', () => {
    const response = crossSiteActionGuard(request('/portal/signup', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' } }));
    expect(response?.status).toBe(403);
  });

  it.each([
    ['the same origin', { origin: 'http://localhost:3107' }],
    ['the forwarded host, as Next compares it', { origin: 'https://help.example.com', 'x-forwarded-host': 'help.example.com, proxy.internal' }],
    ['no Origin at all (Next lets it through)', {}],
  ])('%s passes', (_name, headers) => {
    expect(action(headers)).toBeNull();
  });

  it('GETs, API routes and plain POSTs are not server actions', () => {
    expect(action({ origin: 'https://evil.example' }, 'GET')).toBeNull();
    expect(action({ origin: 'https://evil.example' }, 'POST', '/api/portal/requests')).toBeNull();
    expect(crossSiteActionGuard(request('/portal/signup', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' } }))).toBeNull();
  });

  it('next.config allows no other origins, so the guard and Next decide alike (mirror allowedOrigins here if one is added)', () => {
    const experimental = (nextConfig as { experimental?: { serverActions?: { allowedOrigins?: string[] } } }).experimental;
    expect(experimental?.serverActions?.allowedOrigins ?? []).toEqual([]);
  });
});
