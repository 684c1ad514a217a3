import { eq } from 'drizzle-orm';
import { customers, savedViews } from '@/db/schema';
import type { CustomerActor, StaffActor } from '@/lib/domain/permissions';
import { createApiToken } from '@/server/services/api-tokens';
import { createMacro } from '@/server/services/macros';
import { signUpAccount } from '@/server/services/portal-accounts';
import { issuePortalToken } from '@/server/services/portal-tokens';
import { createStaffUser } from '@/server/services/staff';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, type TestDbHandle } from '../helpers/db';

/** Everything a valid request needs: who asks, and the rows and links it names. */
export interface World {
  handle: TestDbHandle;
  admin: StaffActor;
  customer: CustomerActor;
  ticketId: number;
  publicKey: string;
  guestToken: string;
  ratingToken: string;
  resetToken: string;
  verifyToken: string;
  macroId: number;
  savedViewId: number;
  apiTokenId: number;
  teamId: number;
}

/** A fresh database (PGlite, or Postgres with TEST_DATABASE_URL) that the app's getDb() answers with. */
export async function createWorld(): Promise<World> {
  const handle = await createTestDb();
  (globalThis as { __touchpointDb?: Promise<TestDbHandle> }).__touchpointDb = Promise.resolve(handle);
  const { db } = handle;
  const { user } = await createStaffUser(db, { email: 'admin@touchpoint.test', name: 'Ada Admin', role: 'admin', team: 'Support', password: 'password123' });
  const admin: StaffActor = { kind: 'staff', id: user.id, role: 'admin', teamId: user.teamId, name: user.name, email: user.email };
  const account = await signUpAccount(db, { name: 'Cleo Customer', email: 'cleo@example.com', password: 'correct-horse-1' });
  await db.update(customers).set({ emailVerifiedAt: new Date() }).where(eq(customers.id, account.id));
  const customer: CustomerActor = { kind: 'customer', id: account.id, name: account.name, email: account.email, emailVerified: true };
  const ticket = await createTicket(db, { subject: 'Parcel never came', body: 'Where is it?', customerId: account.id, createdByKind: 'customer', channel: 'portal' });
  const token = (kind: 'guest_access' | 'rating' | 'password_reset' | 'email_verification') => issuePortalToken(db, { kind, customerId: account.id, ticketId: ticket.id });
  const macro = await createMacro(db, admin, { name: 'Thanks', body: 'Thanks for writing.', shared: true, addTags: [], journeyStage: undefined });
  const [view] = await db.insert(savedViews).values({ name: 'Mine', ownerId: admin.id, sharedWithTeamId: null, filters: { view: 'all_open' } }).returning({ id: savedViews.id });
  return {
    handle,
    admin,
    customer,
    ticketId: ticket.id,
    publicKey: ticket.publicKey,
    guestToken: await token('guest_access'),
    ratingToken: await token('rating'),
    resetToken: await token('password_reset'),
    verifyToken: await token('email_verification'),
    macroId: macro.id,
    savedViewId: view.id,
    apiTokenId: (await createApiToken(db, { email: admin.email, name: 'BI' })).id,
    teamId: user.teamId!,
  };
}
