import type { Db } from '@/db/client';
import type { MacroActions } from '@/db/schema';
import { getSettings } from './settings';
import { assertTaxonomyKeys } from './taxonomy';
import { addMessage, type AddMessageInput, type AddMessageResult } from './ticket-messages';
import { addTags } from './ticket-tags';
import { bumpVersion, lockTicket, recordTicketEvent, type EventActor } from './ticket-write';

/**
 * A reply (or note) sent with a macro: the message, then the macro's status, tags and journey stage,
 * through the same services and in one transaction, so either all of it happens or none of it.
 * A status chosen in the composer wins over the macro's.
 */
export async function addMessageWithMacro(db: Db, input: AddMessageInput, actions: MacroActions): Promise<AddMessageResult> {
  return db.transaction(async (tx) => {
    const actor: EventActor = { kind: 'agent', userId: input.authorUserId ?? null };
    const result = await addMessage(tx, { ...input, setStatus: input.setStatus ?? actions.status });
    let ticket = result.ticket;
    if (actions.addTags?.length) ticket = await addTags(tx, { ticketId: ticket.id, tagKeys: actions.addTags, actor, at: input.at });
    if (actions.journeyStage) ticket = await setJourneyStage(tx, ticket.id, actions.journeyStage, actor, input.at);
    return { ...result, ticket };
  });
}

/** The journey stage as a macro sets it: a field change with its ticket_event, bumping the version. */
async function setJourneyStage(tx: Db, ticketId: number, stage: string, actor: EventActor, at = new Date()) {
  const settings = await getSettings(tx);
  const row = await lockTicket(tx, ticketId);
  if (row.journeyStage === stage) return row;
  await assertTaxonomyKeys(tx, { journeyStage: stage });
  return recordTicketEvent(tx, row, { type: 'journey_stage', at, data: { from: row.journeyStage, to: stage } }, actor, {
    settings,
    set: { ...bumpVersion, journeyStage: stage },
  });
}
