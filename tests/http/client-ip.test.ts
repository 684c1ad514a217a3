import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientIp } from '@/server/http/client-ip';
import { PEER_HEADER, peerAddress, peerHeaderValue } from '@/server/http/peer-address';
import { installPeerAddressStamp } from '@/server/http/peer-channel';
import { normalizeAddress, parseTrustProxy, resolveClientIp, TrustProxyError } from '@/server/http/trust-proxy';

const withPeer = (peer: string, xff?: string) => new Headers({ [PEER_HEADER]: peerHeaderValue(peer), ...(xff ? { 'x-forwarded-for': xff } : {}) });

describe('clientIp', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('without TRUST_PROXY is the socket address: a client-sent X-Forwarded-For changes nothing', () => {
    vi.stubEnv('TRUST_PROXY', '');
    expect(clientIp(withPeer('203.0.113.5'))).toBe('203.0.113.5');
    expect(clientIp(withPeer('203.0.113.5', '1.2.3.4'))).toBe('203.0.113.5');
    expect(clientIp(withPeer('203.0.113.5', '1.2.3.4, 5.6.7.8'))).toBe('203.0.113.5');
    expect(clientIp(withPeer('::ffff:127.0.0.1'))).toBe('127.0.0.1');
  });

  it('a peer header the client made up is worthless: the address is unknown, never the header', () => {
    vi.stubEnv('TRUST_PROXY', '');
    expect(clientIp(new Headers({ [PEER_HEADER]: 'guessed-token 9.9.9.9', 'x-forwarded-for': '9.9.9.9' }))).toBe('unknown');
    expect(clientIp(new Headers({ [PEER_HEADER]: '9.9.9.9' }))).toBe('unknown');
    expect(clientIp({ [PEER_HEADER]: peerHeaderValue('10.0.0.9') })).toBe('10.0.0.9'); // next-auth's plain header object
  });

  it('TRUST_PROXY=N takes the N-th hop from the right, so a spoofed left part is skipped', () => {
    vi.stubEnv('TRUST_PROXY', '1');
    // nginx appended the address it saw (198.51.100.7) to what the client sent (1.2.3.4).
    expect(clientIp(withPeer('10.0.0.2', '1.2.3.4, 198.51.100.7'))).toBe('198.51.100.7');
    expect(clientIp(withPeer('10.0.0.2', '198.51.100.7'))).toBe('198.51.100.7');
    expect(clientIp(withPeer('10.0.0.2'))).toBe('10.0.0.2'); // fewer hops than proxies: the left-most there is
    vi.stubEnv('TRUST_PROXY', '2');
    expect(clientIp(withPeer('10.0.0.2', '1.2.3.4, 198.51.100.7, 10.0.0.3'))).toBe('198.51.100.7');
  });

  it('TRUST_PROXY=<addresses/CIDRs> takes the right-most address that is not a trusted proxy', () => {
    vi.stubEnv('TRUST_PROXY', '10.0.0.0/8, 192.168.1.7, fd00::/8');
    expect(clientIp(withPeer('10.0.0.2', '1.2.3.4, 198.51.100.7, 192.168.1.7'))).toBe('198.51.100.7');
    expect(clientIp(withPeer('10.0.0.2', '198.51.100.7, 10.1.2.3'))).toBe('198.51.100.7');
    expect(clientIp(withPeer('[fd00::1]:443', '2001:db8::1'))).toBe('2001:db8::1');
    expect(clientIp(withPeer('10.0.0.2', '10.0.0.3'))).toBe('10.0.0.3'); // every hop ours: the left-most
    // The peer itself is not a trusted proxy: it is the client, whatever it claims.
    expect(clientIp(withPeer('198.51.100.9', '1.2.3.4'))).toBe('198.51.100.9');
  });
});

describe('parseTrustProxy', () => {
  it('reads none, a hop count, and address lists; refuses the rest with a message that says what to set', () => {
    expect(parseTrustProxy(undefined).kind).toBe('none');
    expect(parseTrustProxy('0').kind).toBe('none');
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', count: 2 });
    expect(parseTrustProxy('127.0.0.1, ::1, 10.0.0.0/8').kind).toBe('addresses');
    for (const bad of ['true', 'yes', '10.0.0.0/33', 'example.com', '1.2.3.4/8/9', '99']) {
      expect(() => parseTrustProxy(bad)).toThrow(TrustProxyError);
    }
    expect(() => parseTrustProxy('true')).toThrow(/number of reverse proxies/);
  });

  it('normalizes addresses as keys', () => {
    expect(normalizeAddress(' ::FFFF:10.1.2.3 ')).toBe('10.1.2.3');
    expect(normalizeAddress('[2001:DB8::1]:8080')).toBe('2001:db8::1');
    expect(normalizeAddress('10.1.2.3:5555')).toBe('10.1.2.3');
    expect(resolveClientIp(null, '1.2.3.4', { kind: 'none' })).toBe('unknown');
  });
});

describe('the peer stamp on a real Node HTTP server', () => {
  it('replaces a client-sent stamp with the socket address, before the request handler runs', async () => {
    installPeerAddressStamp();
    const server = http.createServer((req, res) => res.end(JSON.stringify({ peer: peerAddress(req.headers[PEER_HEADER] as string) })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: 'forged 6.6.6.6', 'x-forwarded-for': '6.6.6.6' } });
      expect(await response.json()).toEqual({ peer: '127.0.0.1' });
    } finally {
      server.close();
    }
  });
});
