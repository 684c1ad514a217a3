/**
 * Where a sign-in may send the browser afterwards. The value comes from the query string, so it is an
 * attacker's choice: `/\t/evil.example/` passed a "starts with one slash" check, and the browser (which drops
 * tabs and newlines, and reads `\` as `/`) went to evil.example. So the value is parsed the way the browser
 * will parse it, against our own origin, and kept only when it stays on that origin and names one of our routes.
 * CR/LF and other control characters are refused outright: in a Location header they fail the response.
 */
const OWN_ORIGIN = 'http://touchpoint.invalid';
const MAX_LENGTH = 2048;

/** The staff app's top-level routes (app/(staff)/…), the targets `requireStaffPage` sends to /login. */
export const STAFF_CALLBACK_ROUTES = ['/inbox', '/tickets', '/boards', '/customers', '/macros', '/settings', '/account'] as const;
export const PORTAL_CALLBACK_ROUTES = ['/portal'] as const;

const underRoute = (pathname: string, routes: readonly string[]) => routes.some((r) => pathname === r || pathname.startsWith(`${r}/`));

/** `value` as Next hands over a query parameter: a string, an array when repeated, or nothing. */
export function safeCallbackUrl(value: unknown, fallback: string, routes: readonly string[]): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  // Control characters (tab, CR, LF, NUL…) and backslashes have no place in a path of ours.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN || !underRoute(url.pathname, routes)) return fallback;
  // Re-serialised by the URL parser: what the browser gets is exactly what was checked.
  const target = `${url.pathname}${url.search}${url.hash}`;
  return target.startsWith('//') ? fallback : target;
}
