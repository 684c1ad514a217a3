import { z } from 'zod';
import { PRIORITIES, SETTABLE_STATUSES, VISIBILITIES } from '@/lib/domain/ticket-values';
import { emptyAsAbsent, idOf, idSchema, lineText, multilineText, optionalKey, PG_INTEGER_MAX, taxonomyKeyOf } from './common';

export const MAX_BODY_LENGTH = 50_000;
export const MAX_SUBJECT_LENGTH = 200;

export const subjectSchema = lineText('Enter a subject')
  .trim()
  .min(1, 'Enter a subject')
  .max(MAX_SUBJECT_LENGTH, `Keep the subject under ${MAX_SUBJECT_LENGTH} characters`);

export const bodySchema = multilineText('Write a message')
  .trim()
  .min(1, 'Write a message')
  .max(MAX_BODY_LENGTH, `Keep the message under ${MAX_BODY_LENGTH.toLocaleString('en-US')} characters`);

/** A customer's request from the portal. */
export const portalRequestSchema = z.object({
  subject: subjectSchema,
  body: bodySchema,
  journeyStage: optionalKey,
  touchpoint: optionalKey,
  reference: lineText()
    .trim()
    .max(100, 'Keep the reference under 100 characters')
    .optional()
    .transform((v) => v || null),
});
export type PortalRequestInput = z.infer<typeof portalRequestSchema>;

/**
 * A request's public key as the portal shows it (22 URL-safe characters; older keys may differ in length).
 * Anything else names no request, so it is refused before a query.
 */
export const publicKeySchema = lineText('That request does not exist.').regex(/^[A-Za-z0-9_-]{10,64}$/, 'That request does not exist.');

export const portalReplySchema = z.object({ ticketKey: publicKeySchema, body: bodySchema });

/** An agent's public reply or internal note, optionally setting a status in the same step. */
export const agentMessageSchema = z.object({
  ticketId: idSchema,
  body: bodySchema,
  visibility: z.enum(VISIBILITIES, { message: `Choose a visibility: ${VISIBILITIES.join(' or ')}` }),
  status: emptyAsAbsent(z.enum(SETTABLE_STATUSES, { message: `Choose a status: ${SETTABLE_STATUSES.join(', ')}` })),
  /** The macro the agent inserted: its actions (status, tags, stage) apply with the message. */
  macroId: emptyAsAbsent(idOf('Choose a macro from the list')),
});
export type AgentMessageInput = z.infer<typeof agentMessageSchema>;

const taxonomyRef = taxonomyKeyOf().nullable();
const idOrNull = idOf(`Send an id (a whole number from 1 to ${PG_INTEGER_MAX}) or null`).nullable();

/**
 * A field edit on a ticket, as the API's PATCH body and the ticket page's controls send it: any subset of
 * the fields, plus the version the change was made against. Unknown fields are refused, so a typo is not
 * silently ignored.
 */
export const ticketFieldsSchema = z
  .object({
    version: z
      .number({ message: 'Send the version you saw, as a number' })
      .int('Send the version you saw, as a whole number')
      .min(1, 'Send the version you saw, as a number')
      .max(PG_INTEGER_MAX, 'Send the version you saw: no ticket has a version that high'),
    status: z.enum(SETTABLE_STATUSES, { message: `Choose a status: ${SETTABLE_STATUSES.join(', ')}` }).optional(),
    priority: z.enum(PRIORITIES, { message: `Choose a priority: ${PRIORITIES.join(', ')}` }).optional(),
    assignee_id: idOrNull.optional(),
    team_id: idOrNull.optional(),
    journey_stage: taxonomyRef.optional(),
    touchpoint: taxonomyRef.optional(),
    tags: z
      .array(lineText().trim().min(1, 'A tag key cannot be empty').max(64, 'Choose tags from the list'), { message: 'Send the tags as a list of keys' })
      .max(50, 'Use at most 50 tags')
      .optional(),
  })
  .strict();
export type TicketFieldsInput = z.infer<typeof ticketFieldsSchema>;

/** The same edit from the ticket page, which names the ticket in the body. */
export const ticketFieldsActionSchema = ticketFieldsSchema.extend({ ticketId: idSchema });

const ticketNumber = idOf('Enter a ticket number, like 1234');

/** A presence heartbeat: the agent is looking at the ticket, or writing on it. */
export const presenceSchema = z.object({ state: z.enum(['viewing', 'typing'], { message: 'state must be viewing or typing' }) });

/** A ticket id in a route's path: the same id, with a message for the address. */
export const ticketIdParam = idOf('The ticket id must be a whole number from 1 to 2147483647.');

/** Merge this ticket (the duplicate) into the target. */
export const mergeSchema = z.object({ ticketId: idSchema, targetId: ticketNumber });
/** Link, or unlink, two related tickets. */
export const linkSchema = z.object({ ticketId: idSchema, otherId: ticketNumber });
