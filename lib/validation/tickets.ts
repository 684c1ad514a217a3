import { z } from 'zod';
import { PRIORITIES, SETTABLE_STATUSES, VISIBILITIES } from '@/lib/domain/ticket-values';
import { idSchema, optionalKey } from './common';

export const MAX_BODY_LENGTH = 50_000;
export const MAX_SUBJECT_LENGTH = 200;

export const subjectSchema = z
  .string()
  .trim()
  .min(1, 'Enter a subject')
  .max(MAX_SUBJECT_LENGTH, `Keep the subject under ${MAX_SUBJECT_LENGTH} characters`);

export const bodySchema = z
  .string()
  .trim()
  .min(1, 'Write a message')
  .max(MAX_BODY_LENGTH, `Keep the message under ${MAX_BODY_LENGTH.toLocaleString('en-US')} characters`);

/** A customer's request from the portal. */
export const portalRequestSchema = z.object({
  subject: subjectSchema,
  body: bodySchema,
  journeyStage: optionalKey,
  touchpoint: optionalKey,
  reference: z
    .string()
    .trim()
    .max(100, 'Keep the reference under 100 characters')
    .optional()
    .transform((v) => v || null),
});
export type PortalRequestInput = z.infer<typeof portalRequestSchema>;

export const portalReplySchema = z.object({ ticketKey: z.string().min(10).max(64), body: bodySchema });

/** An agent's public reply or internal note, optionally setting a status in the same step. */
export const agentMessageSchema = z.object({
  ticketId: idSchema,
  body: bodySchema,
  visibility: z.enum(VISIBILITIES),
  status: z
    .enum(SETTABLE_STATUSES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The macro the agent inserted: its actions (status, tags, stage) apply with the message. */
  macroId: idSchema.optional().or(z.literal('').transform(() => undefined)),
});
export type AgentMessageInput = z.infer<typeof agentMessageSchema>;

const taxonomyRef = z.string().trim().min(1).max(64, 'Choose a value from the list').nullable();
const idOrNull = z.number({ message: 'Send a number or null' }).int().positive().nullable();

/**
 * A field edit on a ticket, as the API's PATCH body and the ticket page's controls send it: any subset of
 * the fields, plus the version the change was made against. Unknown fields are refused, so a typo is not
 * silently ignored.
 */
export const ticketFieldsSchema = z
  .object({
    version: z.number({ message: 'Send the version you saw, as a number' }).int().min(1),
    status: z.enum(SETTABLE_STATUSES, { message: `Choose a status: ${SETTABLE_STATUSES.join(', ')}` }).optional(),
    priority: z.enum(PRIORITIES, { message: `Choose a priority: ${PRIORITIES.join(', ')}` }).optional(),
    assignee_id: idOrNull.optional(),
    team_id: idOrNull.optional(),
    journey_stage: taxonomyRef.optional(),
    touchpoint: taxonomyRef.optional(),
    tags: z.array(z.string().trim().min(1).max(64)).max(50, 'Use at most 50 tags').optional(),
  })
  .strict();
export type TicketFieldsInput = z.infer<typeof ticketFieldsSchema>;

/** The same edit from the ticket page, which names the ticket in the body. */
export const ticketFieldsActionSchema = ticketFieldsSchema.extend({ ticketId: idSchema });

const ticketNumber = z.coerce
  .number({ message: 'Enter a ticket number, like 1234' })
  .int('Enter a ticket number, like 1234')
  .positive('Enter a ticket number, like 1234')
  .max(2_147_483_647, 'There is no ticket with that number');

/** Merge this ticket (the duplicate) into the target. */
export const mergeSchema = z.object({ ticketId: idSchema, targetId: ticketNumber });
/** Link, or unlink, two related tickets. */
export const linkSchema = z.object({ ticketId: idSchema, otherId: ticketNumber });
