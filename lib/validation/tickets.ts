import { z } from 'zod';
import { SETTABLE_STATUSES, VISIBILITIES } from '@/lib/domain/ticket-values';
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

export const statusChangeSchema = z.object({
  ticketId: idSchema,
  status: z.enum(SETTABLE_STATUSES, { message: 'Choose a status' }),
  version: z.coerce.number().int().min(1),
});
export type StatusChangeInput = z.infer<typeof statusChangeSchema>;

const ticketNumber = z.coerce
  .number({ message: 'Enter a ticket number, like 1234' })
  .int('Enter a ticket number, like 1234')
  .positive('Enter a ticket number, like 1234')
  .max(2_147_483_647, 'There is no ticket with that number');

/** Merge this ticket (the duplicate) into the target. */
export const mergeSchema = z.object({ ticketId: idSchema, targetId: ticketNumber });
/** Link, or unlink, two related tickets. */
export const linkSchema = z.object({ ticketId: idSchema, otherId: ticketNumber });
