import { RETRY_AFTER_SECONDS } from '@/db/unavailable';

/** Page navigations, as opposed to API calls, assets and client-side (RSC) fetches. */
export function isPageRequest(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const { pathname } = new URL(request.url);
  if (pathname.startsWith('/api/') || pathname.startsWith('/_next/')) return false;
  return (request.headers.get('accept') ?? '').includes('text/html');
}

/**
 * The "we'll be right back" page, answered by proxy.ts while the database is unreachable: 503 with
 * Retry-After, self-contained (no script, no asset that could fail too), and it reloads itself.
 */
export function outagePageHtml(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<title>We'll be right back · Touchpoint</title>
<style>
  body { margin: 0; min-height: 100dvh; display: flex; align-items: center; justify-content: center;
    font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f8fafc; color: #0f172a; }
  main { max-width: 28rem; padding: 1.5rem; text-align: center; }
  h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
  p { color: #475569; line-height: 1.5; margin: 0; }
</style>
</head>
<body>
<main data-testid="outage-page">
  <h1>We'll be right back</h1>
  <p>Touchpoint can't reach its database for a moment. Nothing you saved is lost. This page reloads by itself
  every few seconds until we're back.</p>
</main>
</body>
</html>
`;
}

export const OUTAGE_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'retry-after': String(RETRY_AFTER_SECONDS),
  'cache-control': 'no-store',
};
