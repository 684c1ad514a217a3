/**
 * Two requests that Next itself answers with a 500, refused in proxy.ts before Next sees them. Both are
 * decided from the request line and headers alone (no database, no session), so they are safe in the proxy.
 */
import { NextResponse, type NextRequest } from 'next/server';

const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

const jsonError = (status: number, code: string, message: string, details?: Record<string, string[]>) =>
  NextResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status });

/** Whether a path segment's percent-escapes decode to UTF-8 (decodeURIComponent throws on %C0%AF or a lone %). */
function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** An address no route serves: rewriting a page to it renders the app's friendly 404 page, with status 404. */
export const MALFORMED_PAGE_ADDRESS = '/__malformed-address__';

const MALFORMED_PATH =
  'The address has a malformed percent-escape (such as %C0%AF or a lone %). Encode each path segment as UTF-8, as encodeURIComponent does.';

/**
 * A path whose percent-escapes do not decode as UTF-8 (`/api/portal/track/%C0%AF`). Next decodes dynamic
 * segments before any route runs, throws, and then fails to render its 400 page: a 500 for every route.
 * An API path gets the API's 400 with `details.path`; a page gets the friendly 404 page. The page is reached
 * by a rewrite to an address no route serves: a rewrite to the page's own route would not do, since Next
 * matches the original address against a dynamic route again while rendering it, and throws the same way.
 */
export function malformedPathGuard(request: NextRequest, requestHeaders: Headers): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (pathname.split('/').every(decodes)) return null;
  if (isApiPath(pathname)) return jsonError(400, 'invalid', MALFORMED_PATH, { path: [MALFORMED_PATH] });
  const url = request.nextUrl.clone();
  url.pathname = MALFORMED_PAGE_ADDRESS;
  url.search = '';
  return NextResponse.rewrite(url, { request: { headers: requestHeaders } });
}

/** The host a browser's Origin must name, found exactly as Next's action handler finds it. */
function expectedHost(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || headers.get('host');
}

function originHost(origin: string): string | null {
  if (origin === 'null') return 'null'; // sandboxed frames and some redirects: never our own page
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * A server action posted from another site. Next refuses it (its CSRF check compares the Origin's host with
 * X-Forwarded-Host, else Host), but by throwing: a 500. This makes the same comparison first and answers
 * 403. A server action is a POST to a page with a Next-Action header (a fetch from the client) or a
 * multipart form (a form posted before the page's script ran). Without an Origin, Next lets the request
 * through (no browser would send credentials cross-site without one), and so does this.
 * next.config.mjs sets no serverActions.allowedOrigins; if it ever does, this must allow the same origins
 * (a test in tests/http/proxy-guards.test.ts fails until then).
 */
export function crossSiteActionGuard(request: NextRequest): NextResponse | null {
  if (request.method !== 'POST' || isApiPath(request.nextUrl.pathname)) return null;
  const isAction = request.headers.has('next-action') || (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  const origin = request.headers.get('origin');
  if (!isAction || origin === null) return null;
  const host = expectedHost(request.headers);
  const from = originHost(origin);
  if (host && from === host) return null;
  return jsonError(
    403,
    'forbidden',
    `This form was sent from another site (${from ?? 'an unreadable Origin'}), so it was not accepted. Open the page on ${host ?? 'this site'} and send it from there.`,
  );
}
