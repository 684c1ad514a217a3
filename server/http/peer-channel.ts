import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_HEADER, peerHeaderValue } from './peer-address';

const INSTALLED = Symbol.for('touchpoint.peer-channel');

/**
 * Stamps every incoming HTTP request with its socket's address (see peer-address.ts). Node publishes
 * `http.server.request.start` synchronously, before the server emits 'request', so Next's handler — and
 * everything after it (proxy.ts, route handlers, server actions) — sees the stamped header. Once per process.
 */
export function installPeerAddressStamp(): void {
  const store = globalThis as { [INSTALLED]?: boolean };
  if (store[INSTALLED]) return;
  store[INSTALLED] = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = peerHeaderValue(socket.remoteAddress ?? '');
  });
}
