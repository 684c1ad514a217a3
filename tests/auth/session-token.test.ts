import { afterEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { readSessionAccount } from '@/server/auth/session-token';

const secret = 'test-secret-0123456789abcdef0123456789abcdef';
const account = { kind: 'staff' as const, id: 7, sid: '3f1c2a4e-8b7d-4c6e-9a1b-2c3d4e5f6a7b' };
const jar = (cookies: Record<string, string>) => ({ getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })) });

describe('readSessionAccount (the session cookie, decoded as next-auth does)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reads the account from a token next-auth encoded', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    const token = await encode({ token: { account }, secret });
    expect(await readSessionAccount(jar({ 'next-auth.session-token': token }), secret)).toEqual(account);
  });

  it('uses the __Secure- cookie on an https site and ignores the plain one there', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://help.example.com');
    const token = await encode({ token: { account }, secret });
    expect(await readSessionAccount(jar({ 'next-auth.session-token': token }), secret)).toBeNull();
    expect(await readSessionAccount(jar({ '__Secure-next-auth.session-token': token }), secret)).toEqual(account);
  });

  it('joins a token that next-auth split into chunks, in order', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    const token = await encode({ token: { account }, secret });
    const cut = Math.floor(token.length / 2);
    const cookies = { 'next-auth.session-token.1': token.slice(cut), 'next-auth.session-token.0': token.slice(0, cut) };
    expect(await readSessionAccount(jar(cookies), secret)).toEqual(account);
  });

  it('is signed out with no cookie, a token from another secret, a tampered or an expired one', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    const name = 'next-auth.session-token';
    expect(await readSessionAccount(jar({}), secret)).toBeNull();
    const other = await encode({ token: { account }, secret: 'another-secret-0123456789abcdef0123456789' });
    expect(await readSessionAccount(jar({ [name]: other }), secret)).toBeNull();
    const token = await encode({ token: { account }, secret });
    expect(await readSessionAccount(jar({ [name]: `${token.slice(0, -4)}AAAA` }), secret)).toBeNull();
    const expired = await encode({ token: { account }, secret, maxAge: -60 });
    expect(await readSessionAccount(jar({ [name]: expired }), secret)).toBeNull();
  });
});
