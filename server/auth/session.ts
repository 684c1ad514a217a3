import { cache } from 'react';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { asUnavailable } from '@/db/unavailable';
import { authSessions, customers, users } from '@/db/schema';
import { preparedPerDb } from '@/server/queries/prepared';
import { can, type Actor, type CustomerActor, type Permission, type StaffActor } from '@/lib/domain/permissions';
import { ServiceError } from '@/lib/errors';
import { isSessionId } from '../services/sessions';
import { readSessionAccount, type SessionAccount } from './session-token';

// Every request reads one of these: prepared, so Postgres parses and plans them once per connection. The session
// row is joined in the same statement: checking that the session is still live costs no extra round trip.
const liveSession = () => and(eq(authSessions.id, sql.placeholder('sid')), gt(authSessions.expiresAt, sql`now()`));
const activeStaff = preparedPerDb((db) =>
  db
    .select({ id: users.id, role: users.role, teamId: users.teamId, name: users.name, email: users.email })
    .from(users)
    .innerJoin(authSessions, eq(authSessions.userId, users.id))
    .where(and(eq(users.id, sql.placeholder('id')), isNull(users.deactivatedAt), liveSession()))
    .prepare('session_staff_v2'),
);
const customerAccount = preparedPerDb((db) =>
  db
    .select({ id: customers.id, name: customers.name, email: customers.email, emailVerifiedAt: customers.emailVerifiedAt })
    .from(customers)
    .innerJoin(authSessions, eq(authSessions.customerId, customers.id))
    .where(and(eq(customers.id, sql.placeholder('id')), liveSession()))
    .prepare('session_customer_v2'),
);

/**
 * Turns a session's identity into an actor with the role and team as they are now, or null when the session
 * has ended (signed out, revoked, expired) or the account is gone or deactivated.
 */
export async function loadActor(db: Db, account: SessionAccount): Promise<Actor | null> {
  // A cookie without a well-formed session id (one from before sessions were rows) is signed out.
  if (!isSessionId(account.sid)) return null;
  if (account.kind === 'staff') {
    const [u] = await activeStaff(db).execute({ id: account.id, sid: account.sid });
    return u ? { kind: 'staff', ...u } : null;
  }
  const [c] = await customerAccount(db).execute({ id: account.id, sid: account.sid });
  if (!c) return null;
  return { kind: 'customer', id: c.id, name: c.name, email: c.email, emailVerified: c.emailVerifiedAt !== null };
}

/** The session cookie's identity for this request (cached), for the actions that act on the current session. */
export const getSessionAccount = cache(async (): Promise<SessionAccount | null> => readSessionAccount(await cookies()));

/**
 * The signed-in actor for this request, or null. Cached per request. Every page reads it first, so a
 * database outage surfaces here as DatabaseUnavailableError, whose digest the error page recognises.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const account = await getSessionAccount();
  if (!account) return null;
  try {
    return await loadActor(await getDb(), account);
  } catch (error) {
    throw asUnavailable(error);
  }
});

/** For actions and route handlers: the actor, if they hold the permission; otherwise a ServiceError. */
export async function requireActor(permission: Permission): Promise<Actor> {
  return authorize(await getActor(), permission);
}

/** For one's own account (password, sessions): anyone signed in, staff or customer. */
export async function requireSignedIn(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new ServiceError('unauthenticated', 'Your session has ended. Sign in again to continue.');
  return actor;
}

export function authorize(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw new ServiceError('unauthenticated', 'Your session has ended. Sign in again to continue.');
  if (!can(actor, permission)) throw new ServiceError('forbidden', "You don't have permission to do that.");
  return actor;
}

export async function requireStaff(permission: Permission): Promise<StaffActor> {
  const actor = await requireActor(permission);
  if (actor.kind !== 'staff') throw new ServiceError('forbidden', "You don't have permission to do that.");
  return actor;
}

export async function requireCustomer(): Promise<CustomerActor> {
  const actor = await requireActor('portal:use');
  if (actor.kind !== 'customer') throw new ServiceError('forbidden', 'Sign in with a customer account to use the portal.');
  return actor;
}

/** For staff pages: anonymous visitors go to sign in; customers and staff without the permission get 404. */
export async function requireStaffPage(permission: Permission, callbackUrl: string): Promise<StaffActor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (actor.kind !== 'staff' || !can(actor, permission)) notFound();
  return actor;
}

/** For portal pages: anonymous visitors go to the portal sign-in; staff are sent to their inbox. */
export async function requireCustomerPage(callbackUrl: string): Promise<CustomerActor> {
  const actor = await getActor();
  if (!actor) redirect(`/portal/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (actor.kind !== 'customer') redirect('/inbox');
  return actor;
}
