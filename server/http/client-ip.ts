import { logger } from '@/lib/logger';
import { PEER_HEADER, peerAddress } from './peer-address';
import { parseTrustProxy, resolveClientIp, type TrustProxy } from './trust-proxy';

type HeaderSource = Headers | Record<string, string | string[] | undefined | unknown>;

let cached: { raw: string | undefined; trust: TrustProxy } | undefined;
function trustProxy(): TrustProxy {
  const raw = process.env.TRUST_PROXY;
  if (!cached || cached.raw !== raw) cached = { raw, trust: parseTrustProxy(raw) };
  return cached.trust;
}

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : null;
}

let warned = false;

/**
 * The client's IP, for rate limits and the audit log. Without TRUST_PROXY it is the socket's address and
 * X-Forwarded-For is ignored (any client can write it); with TRUST_PROXY, the right-most address no trusted
 * proxy wrote (server/http/trust-proxy.ts). `unknown` when this process did not see the socket.
 */
export function clientIp(headers: HeaderSource): string {
  const peer = peerAddress(header(headers, PEER_HEADER));
  if (!peer && !warned) {
    warned = true;
    logger.warn('the client address is unknown (no peer stamp on the request): per-IP limits share one bucket');
  }
  return resolveClientIp(peer, header(headers, 'x-forwarded-for'), trustProxy());
}
