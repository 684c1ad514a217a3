import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import type { Channel, MessageAuthorKind, TicketStatus, Visibility } from '@/lib/domain/ticket-values';
import { recordAttachments, type StagedAttachment } from './attachments';
import { notifyAgentReply } from './portal-notify';
import { getSettings } from './settings';
import { createTicketInTx } from './tickets-create';
import { bumpVersion, lockTicket, recordTicketEvent, type EventActor, type TicketRow } from './ticket-write';

export interface AddMessageInput {
  ticketId: number;
  body: string;
  authorKind: MessageAuthorKind;
  authorUserId?: number | null;
  authorCustomerId?: number | null;
  visibility: Visibility;
  channel?: Channel | null;
  /** A status set in the same step as the message ("reply and solve"). */
  setStatus?: TicketStatus;
  at?: Date;
  /** Mail the customer about a public agent reply (and a solve). Off for seeded history. */
  notify?: boolean;
  /** Files already in storage (services/attachments.ts), recorded on the message in this transaction. */
  attachments?: readonly StagedAttachment[];
}

export interface AddMessageResult {
  ticket: TicketRow;
  messageId: number;
  /** Set when a customer wrote to a closed ticket: the message opened this linked follow-up instead. */
  followUp?: TicketRow;
}

function actorOf(input: AddMessageInput): EventActor {
  if (input.authorKind === 'agent') return { kind: 'agent', userId: input.authorUserId ?? null };
  if (input.authorKind === 'customer') return { kind: 'customer', customerId: input.authorCustomerId ?? null };
  return { kind: 'system' };
}

/**
 * Adds a reply, an internal note or a customer message, applying the status rules of METRICS.md.
 * Replies and notes never conflict, so they carry no version; a status set with them does bump it.
 */
export async function addMessage(db: Db, input: AddMessageInput): Promise<AddMessageResult> {
  return db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const row = await lockTicket(tx, input.ticketId);
    // After the lock: a message that waited for another writer is dated after that writer's change.
    const at = input.at ?? new Date();

    if (row.status === 'closed') {
      if (input.authorKind === 'customer' && input.visibility === 'public') return followUpFromClosed(tx, row, input, at);
      throw new ServiceError('ticket_closed', 'This ticket is closed and cannot take new messages.');
    }
    if (input.setStatus && input.authorKind !== 'agent') {
      throw new ServiceError('forbidden', 'Only staff can set a status with a message.');
    }

    const [message] = await tx
      .insert(messages)
      .values({
        ticketId: row.id,
        authorKind: input.authorKind,
        authorUserId: input.authorUserId ?? null,
        authorCustomerId: input.authorCustomerId ?? null,
        visibility: input.visibility,
        channel: input.channel ?? null,
        body: input.body,
        createdAt: at,
      })
      .returning({ id: messages.id });
    await recordAttachments(tx, { ticketId: row.id, messageId: message.id }, input.attachments);

    const actor = actorOf(input);
    const options = { settings };
    let ticket = await recordTicketEvent(
      tx,
      row,
      {
        type: 'message',
        at,
        data: { messageId: message.id, authorKind: input.authorKind, visibility: input.visibility, opening: false },
      },
      actor,
      options,
    );
    const beforeStatus = ticket;
    if (input.setStatus && input.setStatus !== ticket.status) {
      ticket = await recordTicketEvent(
        tx,
        ticket,
        { type: 'status', at, data: { from: ticket.status, to: input.setStatus } },
        actor,
        { ...options, set: bumpVersion },
      );
    }
    if (input.notify !== false && input.authorKind === 'agent' && input.visibility === 'public') {
      await notifyAgentReply(tx, beforeStatus, ticket, { body: input.body, authorUserId: input.authorUserId ?? null });
    }
    return { ticket, messageId: message.id };
  });
}

/**
 * A customer writing to a closed ticket opens a follow-up created by the customer, linked to the closed
 * one. It inherits stage, touchpoint, team and priority, but not the assignee (METRICS.md, status rules).
 */
async function followUpFromClosed(tx: Db, closed: TicketRow, input: AddMessageInput, at: Date): Promise<AddMessageResult> {
  const followUp = await createTicketInTx(tx, {
    subject: closed.subject.startsWith('Follow-up: ') ? closed.subject : `Follow-up: ${closed.subject}`,
    body: input.body,
    customerId: closed.customerId,
    createdByKind: 'customer',
    channel: input.channel ?? closed.channel,
    priority: closed.priority,
    journeyStage: closed.journeyStage,
    touchpoint: closed.touchpoint,
    teamId: closed.teamId,
    followUpOfId: closed.id,
    at,
    allowRetiredTaxonomy: true,
    attachments: input.attachments,
  });
  const [opening] = await tx.select({ id: messages.id }).from(messages).where(eq(messages.ticketId, followUp.id)).limit(1);
  return { ticket: closed, messageId: opening.id, followUp };
}
