import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { messages, ticketEvents, tickets } from '@/db/schema';
import { initialFacts, initialStatus } from '@/lib/domain/ticket-facts';
import type { TicketEventDataByType } from '@/lib/domain/ticket-events';
import type { Channel, CreatedByKind, Priority } from '@/lib/domain/ticket-values';
import { recordAttachments, type StagedAttachment } from './attachments';
import { markRecontactedTickets } from './recontact';
import { nextRoundRobinAgent } from './round-robin';
import { getSettings } from './settings';
import { assertTaxonomyKeys } from './taxonomy';
import { lockCustomers, recordTicketEvent, type EventActor, type TicketRow } from './ticket-write';

export interface CreateTicketInput {
  subject: string;
  /** The opening public message, by the creator. */
  body: string;
  customerId: number;
  createdByKind: CreatedByKind;
  /** The staff member who opened it, for agent-created tickets. */
  createdByUserId?: number | null;
  channel: Channel;
  priority?: Priority;
  journeyStage?: string | null;
  touchpoint?: string | null;
  teamId?: number | null;
  assigneeId?: number | null;
  reference?: string | null;
  followUpOfId?: number | null;
  externalId?: string | null;
  /** Submitted by a signed-in portal account (an unverified account sees only these). */
  submittedByAccount?: boolean;
  at?: Date;
  /** History imports may carry retired taxonomy keys. */
  allowRetiredTaxonomy?: boolean;
  /** Files on the opening message, already in storage (services/attachments.ts). */
  attachments?: readonly StagedAttachment[];
}

/** 128 random bits, URL-safe: portal URLs never show a sequential id. */
export const newPublicKey = () => randomBytes(16).toString('base64url');

function creatorActor(input: CreateTicketInput): EventActor {
  if (input.createdByKind === 'agent') return { kind: 'agent', userId: input.createdByUserId ?? null };
  return { kind: input.createdByKind, customerId: input.customerId };
}

/** Opens a ticket with its opening message, in one transaction, recording the facts and events. */
export async function createTicket(db: Db, input: CreateTicketInput): Promise<TicketRow> {
  return db.transaction((tx) => createTicketInTx(tx, input));
}

/** The same, inside a transaction the caller already holds (follow-ups, imports). */
export async function createTicketInTx(tx: Db, input: CreateTicketInput): Promise<TicketRow> {
  await lockCustomers(tx, [input.customerId]); // before the time: see recordTicketEvent
  const at = input.at ?? new Date();
  const settings = await getSettings(tx);
  await assertTaxonomyKeys(tx, input, { allowRetired: input.allowRetiredTaxonomy });

  const assigneeId = input.assigneeId ?? (await nextRoundRobinAgent(tx, input.teamId ?? null, at));
  const created: TicketEventDataByType['created'] = {
    createdByKind: input.createdByKind,
    channel: input.channel,
    priority: input.priority ?? 'normal',
    status: initialStatus(input.createdByKind),
    customerId: input.customerId,
    assigneeId,
    teamId: input.teamId ?? null,
    journeyStage: input.journeyStage ?? null,
    touchpoint: input.touchpoint ?? null,
    followUpOfId: input.followUpOfId ?? null,
  };
  const facts = initialFacts(created, at);
  const actor = creatorActor(input);

  const [ticket] = await tx
    .insert(tickets)
    .values({
      publicKey: newPublicKey(),
      subject: input.subject,
      reference: input.reference ?? null,
      status: facts.status,
      priority: facts.priority,
      channel: input.channel,
      createdByKind: input.createdByKind,
      createdByUserId: input.createdByUserId ?? null,
      customerId: input.customerId,
      assigneeId: created.assigneeId,
      teamId: created.teamId,
      journeyStage: created.journeyStage,
      touchpoint: created.touchpoint,
      followUpOfId: created.followUpOfId,
      externalId: input.externalId ?? null,
      submittedByAccount: input.submittedByAccount ?? false,
      createdAt: at,
      updatedAt: at,
      lastActivityAt: at,
      lastPublicActivityAt: at,
      clockStartedAt: facts.clockStartedAt,
    })
    .returning();
  await tx.insert(ticketEvents).values({
    ticketId: ticket.id,
    seq: 1,
    type: 'created',
    at,
    actorKind: actor.kind,
    actorUserId: actor.userId ?? null,
    actorCustomerId: actor.customerId ?? null,
    data: created,
  });

  const byStaff = input.createdByKind === 'agent';
  const [opening] = await tx
    .insert(messages)
    .values({
      ticketId: ticket.id,
      authorKind: byStaff ? 'agent' : 'customer',
      authorUserId: byStaff ? (input.createdByUserId ?? null) : null,
      authorCustomerId: byStaff ? null : input.customerId,
      visibility: 'public',
      channel: input.channel,
      body: input.body,
      createdAt: at,
    })
    .returning({ id: messages.id });
  await recordAttachments(tx, { ticketId: ticket.id, messageId: opening.id }, input.attachments);
  const withOpening = await recordTicketEvent(
    tx,
    ticket,
    {
      type: 'message',
      at,
      data: { messageId: opening.id, authorKind: byStaff ? 'agent' : 'customer', visibility: 'public', opening: true },
    },
    actor,
    { settings },
  );

  if (!byStaff) await markRecontactedTickets(tx, withOpening, settings.recontactWindowDays);
  return withOpening;
}
