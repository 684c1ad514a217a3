/**
 * The client's IP for rate limits. Behind a trusted proxy (TRUST_PROXY set) it is the first
 * X-Forwarded-For entry. Otherwise Next fills X-Forwarded-For from the socket only when the client sent
 * none, so the value is at best advisory: per-IP limits are a second line, per-email limits the first.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get('x-forwarded-for') : headers['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  const hops = value
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.length === 0) return 'unknown';
  return process.env.TRUST_PROXY ? hops[0] : hops[hops.length - 1];
}
