'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { ServiceError, type ActionResult } from '@/lib/errors';
import { customerSignUpSchema } from '@/lib/validation/auth';
import { portalReplySchema, portalRequestSchema } from '@/lib/validation/tickets';
import { requireCustomer } from '../auth/session';
import { clientIp } from '../http/client-ip';
import { findPortalTicketId } from '../queries/ticket-detail';
import { signUpCustomer } from '../services/customers';
import { hitRateLimit } from '../services/rate-limit';
import { getSettings } from '../services/settings';
import { addMessage } from '../services/ticket-messages';
import { createTicket } from '../services/tickets-create';
import { formToObject, parseInput, runAction } from './run-action';

function tooMany(retryAfterSeconds: number, what: string): ServiceError {
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return new ServiceError('rate_limited', `Too many ${what}. Please wait ${wait} and try again.`, { retryAfterSeconds });
}

/** Portal sign-up. Anyone may call it; it is limited per IP. The client signs in afterwards. */
export async function signUpAction(form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction(async () => {
    const input = parseInput(customerSignUpSchema, formToObject(form));
    const db = await getDb();
    const { rateLimits } = await getSettings(db);
    const limit = await hitRateLimit(db, `signup:ip:${clientIp(await headers())}`, rateLimits.signUpPerIp);
    if (!limit.allowed) throw tooMany(limit.retryAfterSeconds, 'sign-ups from your network');
    const customer = await signUpCustomer(db, input);
    return { email: customer.email };
  });
}

/** A signed-in customer submits a request from the portal. */
export async function submitRequestAction(form: FormData): Promise<ActionResult<{ publicKey: string }>> {
  return runAction(async () => {
    const customer = await requireCustomer();
    const input = parseInput(portalRequestSchema, formToObject(form));
    const db = await getDb();
    const { rateLimits } = await getSettings(db);
    const limit = await hitRateLimit(db, `submit:customer:${customer.id}`, rateLimits.submitPerCustomer);
    if (!limit.allowed) throw tooMany(limit.retryAfterSeconds, 'requests in a short time');
    const ticket = await createTicket(db, {
      ...input,
      customerId: customer.id,
      createdByKind: 'customer',
      channel: 'portal',
    });
    revalidatePath('/portal');
    return { publicKey: ticket.publicKey };
  });
}

/** The customer replies on their own request. A reply to a closed request opens a linked follow-up. */
export async function portalReplyAction(form: FormData): Promise<ActionResult<{ publicKey: string; followUp: boolean }>> {
  return runAction(async () => {
    const customer = await requireCustomer();
    const input = parseInput(portalReplySchema, formToObject(form));
    const db = await getDb();
    const ticketId = await findPortalTicketId(db, customer.id, input.ticketKey);
    if (!ticketId) throw new ServiceError('not_found', 'That request does not exist.');
    const result = await addMessage(db, {
      ticketId,
      body: input.body,
      authorKind: 'customer',
      authorCustomerId: customer.id,
      visibility: 'public',
      channel: 'portal',
    });
    revalidatePath('/portal');
    const publicKey = result.followUp?.publicKey ?? input.ticketKey;
    revalidatePath(`/portal/requests/${publicKey}`);
    return { publicKey, followUp: Boolean(result.followUp) };
  });
}
