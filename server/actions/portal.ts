'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { ServiceError, type ActionResult } from '@/lib/errors';
import { guestReplySchema, guestRequestSchema, linkTokenFormSchema, ratingSchema, ratingTargetSchema } from '@/lib/validation/portal';
import { portalReplySchema, portalRequestSchema } from '@/lib/validation/tickets';
import { getActor, requireCustomer } from '../auth/session';
import { clientIp } from '../http/client-ip';
import { idempotencyScope } from '../http/idempotency';
import { portalLinks } from '../mail/links';
import { findPortalTicketId, portalScopeOf } from '../queries/portal';
import { rateTicket } from '../services/csat';
import { portalLimits } from '../services/portal-entry';
import { withUploads } from '../services/attachments';
import { guestTicketId, rateByToken, replyAsAccount, replyAsGuest, submitAccountRequest, submitGuestRequest } from '../services/portal-requests';
import { idempotentAction } from './idempotent-action';
import { formToObject, parseInput, runAction } from './run-action';
import { parseWithUploads } from './uploads';

const NOT_FOUND = 'That request does not exist.';

/**
 * A request from the portal: a signed-in customer's, or a guest's with only an email address. Limited
 * per customer (or email) and per IP. A guest gets the private tracking link back, to show once.
 * Every creating action here runs under the form's per-submission key (idempotent-action.ts): a double
 * click or a resend posts once.
 */
export async function submitRequestAction(form: FormData): Promise<ActionResult<{ publicKey: string; trackingLink: string | null }>> {
  return runAction(async () => {
    const actor = await getActor();
    if (actor?.kind === 'staff') throw new ServiceError('forbidden', 'Staff open tickets from the inbox, not from the portal.');
    const db = await getDb();
    const ip = clientIp(await headers());
    if (actor) {
      const { input, uploads } = await parseWithUploads(portalRequestSchema, form);
      const claim = { scope: idempotencyScope.actor(actor), action: 'portal.submit', beforeWrite: () => portalLimits.accountSubmit(db, actor.id, ip) };
      const result = await idempotentAction(form, claim, async (tx) => {
        const ticket = await withUploads(uploads, (attachments) => submitAccountRequest(tx, actor.id, input, attachments));
        return { publicKey: ticket.publicKey, trackingLink: null };
      });
      revalidatePath('/portal');
      return result;
    }
    const { input, uploads } = await parseWithUploads(guestRequestSchema, form);
    const claim = { scope: idempotencyScope.anonymous(ip, input.email), action: 'portal.submit', beforeWrite: () => portalLimits.guestSubmit(db, input.email, ip) };
    return idempotentAction(form, claim, async (tx) => {
      const { ticket, token } = await withUploads(uploads, (attachments) => submitGuestRequest(tx, input, attachments));
      return { publicKey: ticket.publicKey, trackingLink: portalLinks.guest(token) };
    });
  });
}

/** The customer replies on their own request. A reply to a closed request opens a linked follow-up. */
export async function portalReplyAction(form: FormData): Promise<ActionResult<{ publicKey: string; followUp: boolean }>> {
  return runAction(async () => {
    const customer = await requireCustomer();
    const { input, uploads } = await parseWithUploads(portalReplySchema, form);
    const db = await getDb();
    const ticketId = await findPortalTicketId(db, portalScopeOf(customer), input.ticketKey);
    if (!ticketId) throw new ServiceError('not_found', NOT_FOUND);
    const sent = await idempotentAction(form, { scope: idempotencyScope.actor(customer), action: 'portal.reply' }, async (tx) => {
      const result = await withUploads(uploads, (attachments) => replyAsAccount(tx, customer.id, ticketId, input.body, attachments));
      return { publicKey: result.followUp?.publicKey ?? input.ticketKey, followUp: Boolean(result.followUp) };
    });
    revalidatePath('/portal');
    revalidatePath(`/portal/requests/${sent.publicKey}`);
    return sent;
  });
}

/** A guest replies through their private link; the link is the only credential. */
export async function guestReplyAction(form: FormData): Promise<ActionResult<{ followUpLink: string | null }>> {
  return runAction(async () => {
    const { token } = parseInput(linkTokenFormSchema, formToObject(form));
    const { input, uploads } = await parseWithUploads(guestReplySchema, form);
    return idempotentAction(form, { scope: idempotencyScope.link(token), action: 'portal.guest-reply' }, async (tx) => {
      const { followUpToken } = await withUploads(uploads, (attachments) => replyAsGuest(tx, token, input.body, undefined, attachments));
      return { followUpLink: followUpToken ? `/portal/track/${followUpToken}` : null };
    });
  });
}

/**
 * A 1–5 rating and a comment on a solved request: from the signed-in request page, the guest page or
 * the mailed rating link. Each rating replaces the last.
 */
export async function rateRequestAction(form: FormData): Promise<ActionResult<{ score: number }>> {
  return runAction(async () => {
    const raw = formToObject(form);
    const rating = parseInput(ratingSchema, raw);
    const target = parseInput(ratingTargetSchema, raw);
    const db = await getDb();
    const claim = { action: 'portal.rate' };
    if ('ratingToken' in target) {
      await idempotentAction(form, { ...claim, scope: idempotencyScope.link(target.ratingToken) }, (tx) => rateByToken(tx, target.ratingToken, rating));
    } else if ('guestToken' in target) {
      const { ticketId, customerId } = await guestTicketId(db, target.guestToken);
      await idempotentAction(form, { ...claim, scope: idempotencyScope.link(target.guestToken) }, (tx) => rateTicket(tx, { ticketId, customerId, ...rating }).then(() => null));
    } else {
      const customer = await requireCustomer();
      const ticketId = await findPortalTicketId(db, portalScopeOf(customer), target.ticketKey);
      if (!ticketId) throw new ServiceError('not_found', NOT_FOUND);
      await idempotentAction(form, { ...claim, scope: idempotencyScope.actor(customer) }, (tx) => rateTicket(tx, { ticketId, customerId: customer.id, ...rating }).then(() => null));
      revalidatePath(`/portal/requests/${target.ticketKey}`);
    }
    return { score: rating.score };
  });
}
