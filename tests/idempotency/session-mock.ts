import { vi } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { PEER_HEADER, peerHeaderValue } from '@/server/http/peer-address';

/**
 * The signed-in actor for route handlers and server actions called straight from a test (no Next request):
 * set `session.actor`, and every session helper answers with it, checking permissions as the real ones do.
 * vi.mock factories are hoisted above imports, so load these inside them:
 * `vi.mock('@/server/auth/session', async (orig) => (await import('./session-mock')).mockSession(orig))`.
 */
export const session: { actor: Actor | null; ip: string; sid?: string } = { actor: null, ip: '10.7.0.1' };

export async function mockSession(importOriginal: () => Promise<unknown>) {
  const original = (await importOriginal()) as typeof import('@/server/auth/session');
  const requireActor = async (permission: Parameters<typeof original.authorize>[1]) => original.authorize(session.actor, permission);
  return {
    ...original,
    getActor: async () => session.actor,
    getSessionAccount: async () => (session.actor ? { kind: session.actor.kind, id: session.actor.id, sid: session.sid } : null),
    requireSignedIn: async () => original.authorize(session.actor, session.actor?.kind === 'customer' ? 'portal:use' : 'ticket:read'),
    requireActor,
    requireStaff: async (permission: Parameters<typeof original.authorize>[1]) => {
      const actor = await requireActor(permission);
      if (actor.kind !== 'staff') throw new Error('expected staff');
      return actor;
    },
    requireCustomer: async () => {
      const actor = await requireActor('portal:use');
      if (actor.kind !== 'customer') throw new Error('expected a customer');
      return actor;
    },
  };
}

export function mockHeaders() {
  return {
    headers: async () => new Headers({ [PEER_HEADER]: peerHeaderValue(session.ip) }),
    cookies: async () => ({ get: () => undefined, getAll: () => [] }),
  };
}

export const mockCache = () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() });
