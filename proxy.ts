import { NextResponse, type NextRequest } from 'next/server';
import { databaseDownSince } from '@/db/availability';
import { DOWNLOAD_CSP, isDownloadRoute } from '@/lib/http/download-routes';
import { oversizedBodyResponse } from '@/server/http/body-limit';
import { isPageRequest, OUTAGE_PAGE_HEADERS, outagePageHtml } from '@/server/http/outage-page';
import { crossSiteActionGuard, malformedPathGuard } from '@/server/http/proxy-guards';

/**
 * Every request gets a request id (for the logs) and the security headers: a nonce-based CSP,
 * frame-ancestors, a referrer policy and nosniff. Authorization is NOT done here: each page,
 * action and route checks the session itself.
 *
 * While this process knows the database is unreachable (db/availability.ts), a page navigation gets the
 * "we'll be right back" page with 503 and Retry-After straight away, instead of a render that fails with
 * a 500. The proxy runs in the server's own Node process (Next 16's default), so it sees that note.
 *
 * Two requests Next would answer with a 500 are answered here first (server/http/proxy-guards.ts): a path with
 * a malformed percent-escape (400 for the API, the page's own 404 for pages) and a server action posted from
 * another site (403).
 */
export async function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const requestId = request.headers.get('x-request-id') ?? crypto.randomUUID();
  const dev = process.env.NODE_ENV !== 'production';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-request-id', requestId);
  requestHeaders.set('x-nonce', nonce);
  // Next reads the CSP from the request to put the nonce on its own scripts.
  requestHeaders.set('content-security-policy', csp);

  // Refused before anything reads the body: a cross-site action post, a path that does not decode, then a
  // body over its route's or action's limit (413, server/http/body-limit.ts).
  const refused =
    crossSiteActionGuard(request) ?? malformedPathGuard(request, requestHeaders) ?? (await oversizedBodyResponse(request, request.nextUrl.pathname));
  const response =
    refused ??
    (databaseDownSince() !== null && isPageRequest(request)
      ? new NextResponse(request.method === 'HEAD' ? null : outagePageHtml(), { status: 503, headers: OUTAGE_PAGE_HEADERS })
      : NextResponse.next({ request: { headers: requestHeaders } }));
  // File downloads keep their sandboxing policy (lib/http/download-routes.ts): the page policy would replace it.
  response.headers.set('content-security-policy', isDownloadRoute(request.nextUrl.pathname) ? DOWNLOAD_CSP : csp);
  response.headers.set('x-request-id', requestId);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
