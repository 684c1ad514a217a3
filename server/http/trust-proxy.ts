import { BlockList, isIP } from 'node:net';

/**
 * TRUST_PROXY: which hops of X-Forwarded-For the app may believe.
 * - unset, empty or `0`: none. The client is the TCP peer, whatever headers it sends.
 * - a whole number N ≥ 1: N reverse proxies stand in front of the app, each appending the address it saw;
 *   the client is the N-th address from the right of (X-Forwarded-For + peer).
 * - a comma-separated list of addresses and CIDR ranges (`10.0.0.0/8, 192.168.1.7, fd00::/8`): those are our
 *   proxies; the client is the right-most address in (X-Forwarded-For + peer) that is not one of them.
 * Anything else is refused at start-up (`true` would trust everything a client writes: say how many proxies).
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; count: number } | { kind: 'addresses'; list: BlockList; text: string };

export class TrustProxyError extends Error {}

/** The address as we compare and key it: no brackets or port, IPv4-mapped IPv6 as plain IPv4, lower case. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(a);
  return mapped ? mapped[1] : a;
}

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || value === '0') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    if (count > 20) throw new TrustProxyError(`TRUST_PROXY=${value}: at most 20 proxy hops.`);
    return { kind: 'hops', count };
  }
  const list = new BlockList();
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address, bits, extra] = entry.split('/');
    const ip = normalizeAddress(address);
    const family = isIP(ip);
    if (!family || extra !== undefined) {
      throw new TrustProxyError(
        `TRUST_PROXY="${value}" is not understood ("${entry}"). Set the number of reverse proxies in front of the app (e.g. 1), or their addresses and CIDR ranges, comma-separated (e.g. 10.0.0.0/8,127.0.0.1).`,
      );
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) {
      list.addAddress(ip, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) throw new TrustProxyError(`TRUST_PROXY: "${entry}" has a bad prefix length.`);
    list.addSubnet(ip, prefix, type);
  }
  return { kind: 'addresses', list, text: value };
}

/** At most this many X-Forwarded-For entries are looked at (right-most first): a huge header costs nothing. */
const MAX_HOPS = 32;
const MAX_KEY = 64;

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address from the TCP peer and X-Forwarded-For, as TRUST_PROXY says. Without a trusted proxy the
 * header is ignored: any client can write it.
 */
export function resolveClientIp(peer: string | null, forwardedFor: string | null, trust: TrustProxy): string {
  if (!peer) return 'unknown';
  const self = normalizeAddress(peer);
  if (trust.kind === 'none') return self.slice(0, MAX_KEY);
  const hops = (forwardedFor ?? '')
    .split(',')
    .map(normalizeAddress)
    .filter(Boolean)
    .slice(-MAX_HOPS);
  const chain = [...hops, self];
  const client =
    trust.kind === 'hops'
      ? chain[Math.max(0, chain.length - 1 - trust.count)]
      : // The right-most hop our proxies did not write themselves; all of them ours: the left-most.
        ([...chain].reverse().find((a) => !isTrusted(trust.list, a)) ?? chain[0]);
  return client.slice(0, MAX_KEY);
}
