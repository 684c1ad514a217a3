import type { Db } from '@/db/client';
import { rateTicket } from '@/server/services/csat';
import { findOrCreateCustomer } from '@/server/services/customers';
import { createStaffUser } from '@/server/services/staff';
import { changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { createTicket } from '@/server/services/tickets-create';

/** 2026-03-02 is a Monday. The default calendar is Mon–Fri 09:00–17:00 UTC; the default SLA is 8 h / 72 h. */
export const at = (day: number, hhmm: string) => new Date(`2026-03-0${day}T${hhmm}:00Z`);
export const FROM = new Date('2026-03-01T00:00:00Z');
export const TO = new Date('2026-03-08T00:00:00Z');
export const NOW = new Date('2026-03-20T00:00:00Z');

/**
 * Six tickets whose figures are computed by hand in golden.test.ts:
 * A solved with one reply, then re-contacted by D; B answered late, reopened, rated twice;
 * C solved without reply; D answered late, never solved; E agent-created, no customer message; F via API.
 */
export async function writeGoldenData(db: Db) {
  const { user: agent } = await createStaffUser(db, { email: 'gold@touchpoint.test', name: 'Goldie', role: 'agent', team: 'Support', password: null });
  const c = async (name: string) => findOrCreateCustomer(db, { email: `${name}@example.com`, name });
  const [alice, bob, carol, dave, erin] = [await c('alice'), await c('bob'), await c('carol'), await c('dave'), await c('erin')];
  const reply = (ticketId: number, when: Date, setStatus?: 'solved') =>
    addMessage(db, { ticketId, body: 'reply', authorKind: 'agent', authorUserId: agent.id, visibility: 'public', setStatus, at: when });
  const actor = { kind: 'agent' as const, userId: agent.id };
  const open = (customerId: number, when: Date, extra: Partial<Parameters<typeof createTicket>[1]> = {}) =>
    createTicket(db, { subject: 's', body: 'b', customerId, createdByKind: 'customer', channel: 'portal', at: when, ...extra });

  const A = await open(alice.id, at(2, '09:00'), { journeyStage: 'purchase', touchpoint: 'delivery' });
  await reply(A.id, at(2, '10:00'), 'solved');
  await rateTicket(db, { ticketId: A.id, customerId: alice.id, score: 3, at: at(2, '11:00') });

  const B = await open(bob.id, at(2, '16:00'), { journeyStage: 'usage', channel: 'email' });
  await reply(B.id, at(3, '10:00'));
  await changeStatus(db, { ticketId: B.id, status: 'solved', actor, at: at(3, '11:00') });
  await rateTicket(db, { ticketId: B.id, customerId: bob.id, score: 2, at: at(3, '12:00') });
  await addMessage(db, { ticketId: B.id, body: 'still broken', authorKind: 'customer', authorCustomerId: bob.id, visibility: 'public', at: at(4, '09:00') });
  await reply(B.id, at(4, '10:00'), 'solved');
  await rateTicket(db, { ticketId: B.id, customerId: bob.id, score: 4, at: at(4, '11:00') });

  const C = await open(carol.id, at(3, '09:00'), { journeyStage: 'purchase', channel: 'chat' });
  await addMessage(db, { ticketId: C.id, body: 'note', authorKind: 'agent', authorUserId: agent.id, visibility: 'internal', at: at(3, '09:30') });
  await changeStatus(db, { ticketId: C.id, status: 'solved', actor, at: at(3, '12:00') });

  const D = await open(alice.id, at(4, '12:00'), { journeyStage: 'purchase' });
  await reply(D.id, at(5, '09:00'));

  const E = await createTicket(db, { subject: 's', body: 'we called you', customerId: dave.id, createdByKind: 'agent', createdByUserId: agent.id, channel: 'phone', journeyStage: 'onboarding', at: at(5, '10:00') });
  await changeStatus(db, { ticketId: E.id, status: 'solved', actor, at: at(5, '11:00') });

  const F = await createTicket(db, { subject: 's', body: 'b', customerId: erin.id, createdByKind: 'api', channel: 'api', at: at(6, '09:00') });
  await reply(F.id, at(6, '09:30'), 'solved');
  await rateTicket(db, { ticketId: F.id, customerId: erin.id, score: 5, at: at(6, '12:00') });

  return { A, B, C, D, E, F, agent };
}
