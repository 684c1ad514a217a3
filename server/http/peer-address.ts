import { randomBytes } from 'node:crypto';

/**
 * The TCP peer's address, which `next start` does not hand to route handlers, server actions or proxy.ts:
 * Next only fills X-Forwarded-For from the socket when the client sent none (`??=` in base-server.js), so a
 * client that sends its own X-Forwarded-For hides its address. instrumentation.ts therefore subscribes to
 * Node's `http.server.request.start` diagnostics channel, which runs for every request before Next sees it,
 * and writes the socket's address into this header, replacing whatever a client sent under that name.
 *
 * The value carries a random per-process token, so a client-made header is worthless even where the
 * subscription is missing (`next dev` workers, a custom server): then the peer is unknown, never spoofed.
 */
export const PEER_HEADER = 'x-touchpoint-peer';
const TOKEN = Symbol.for('touchpoint.peer-token');

function processToken(): string {
  const store = globalThis as { [TOKEN]?: string };
  return (store[TOKEN] ??= randomBytes(16).toString('hex'));
}

/** The header value that vouches for `address` in this process. Tests use it to play the socket. */
export const peerHeaderValue = (address: string) => `${processToken()} ${address}`;

/** The peer address this process wrote on the request, or null when it wrote none. */
export function peerAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space) !== processToken()) return null;
  return value.slice(space + 1) || null;
}
