/**
 * History import (POST /api/v1/import/tickets): the envelope, one record, and the checks on a record's
 * history that need no database. Each record is parsed on its own, so one bad record fails alone, and
 * every error names the field to fix, e.g. `events[2].at: is before created_at`.
 */
import { z } from 'zod';
import { CHANNELS, PRIORITIES, TICKET_STATUSES, VISIBILITIES } from '@/lib/domain/ticket-values';
import { ServiceError } from '@/lib/errors';
import { isStorableInstant } from './common';
import { isCleanText, lineText, multilineText, quoteForMessage } from './text';
import { MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH } from './tickets';
import { IMPORT_BODY_LIMIT } from '../http/body-limits';

export const MAX_IMPORT_TICKETS = 1_000;
export const MAX_IMPORT_EVENTS = 2_000;
/** The request body limit of the route (a 1,000-ticket import is a few MB). */
export const MAX_IMPORT_BODY_BYTES = IMPORT_BODY_LIMIT;

const CUSTOMER = 'customer';

const quoted = quoteForMessage;
const MAX_EXTERNAL_ID = 200;

/** An error message that says "required" when the field is missing, and `invalid` otherwise. */
const missingOr = (missing: string, invalid: (input: unknown) => string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? missing : invalid(issue.input);

const instant = (what: string) =>
  z.iso
    .datetime({
      offset: true,
      error: missingOr(`enter ${what}`, (input) =>
        typeof input === 'string'
          ? `${quoted(input)} is not an ISO 8601 time with a time zone, like 2019-03-04T10:00:00Z`
          : 'must be an ISO 8601 time with a time zone, like 2019-03-04T10:00:00Z',
      ),
    })
    .refine((v) => isStorableInstant(Date.parse(v)), { error: 'must be a time between the years 1 and 9999' });

const emailFormat = z.email();
const isEmail = (value: string) => emailFormat.safeParse(value).success;

const emailField = (what: string) =>
  lineText({ missing: `enter ${what}`, wrongType: 'must be an email address' })
    .trim()
    .min(1, `enter ${what}`)
    .max(254, 'is too long for an email address')
    .toLowerCase()
    .refine(isEmail, { error: (issue) => `${quoted(issue.input)} is not a valid email address` });

/** "customer" or a staff member's email (lower-cased). */
const personRef = () =>
  lineText({ missing: 'enter who: "customer" or a staff email', wrongType: 'must be "customer" or a staff email' })
    .trim()
    .max(254, 'is too long for an email address')
    .toLowerCase()
    .refine((v) => v === CUSTOMER || isEmail(v), {
      error: (issue) => `${quoted(issue.input)} is neither "customer" nor a staff email`,
    });

const text = (what: string, max: number, shape: 'line' | 'multiline' = 'line') =>
  (shape === 'line' ? lineText : multilineText)({ missing: `enter ${what}`, wrongType: 'must be text' })
    .trim()
    .min(1, `enter ${what}`)
    .max(max, `keep it under ${max.toLocaleString('en-US')} characters`);

const optionalText = (max: number) =>
  lineText({ wrongType: 'must be text' })
    .trim()
    .max(max, `keep it under ${max} characters`)
    .nullish()
    .transform((v) => v || null);

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: missingOr(`enter the ${what}, one of ${values.join(', ')}`, (input) => `unknown ${what} ${quoted(input)}; use one of ${values.join(', ')}`),
  });

const messageEvent = z.object({
  type: z.literal('message'),
  at: instant('the time of the message'),
  author: personRef(),
  visibility: oneOf(VISIBILITIES, 'visibility').default('public'),
  body: text('the message', MAX_BODY_LENGTH, 'multiline'),
});

const statusEvent = z.object({
  type: z.literal('status'),
  at: instant('the time of the status change'),
  status: z.enum(TICKET_STATUSES, {
    error: missingOr(`enter the status, one of ${TICKET_STATUSES.join(', ')}`, (input) => `unknown status ${quoted(input)}`),
  }),
  /** Omitted: a change by the old system itself (a trigger or an automation). */
  by: personRef().optional(),
});

const csatEvent = z.object({
  type: z.literal('csat'),
  at: instant('the time of the rating'),
  score: z
    .number({ error: missingOr('enter the score, a whole number from 1 to 5', () => 'must be a whole number from 1 to 5') })
    .int('must be a whole number from 1 to 5')
    .min(1, 'must be a whole number from 1 to 5')
    .max(5, 'must be a whole number from 1 to 5'),
  comment: multilineText({ wrongType: 'must be text' }).trim().max(5_000, 'keep the comment under 5,000 characters').nullish().transform((v) => v ?? ''),
});

const EVENT_TYPES = ['message', 'status', 'csat'] as const;

export const importEventSchema = z.discriminatedUnion('type', [messageEvent, statusEvent, csatEvent], {
  error: (issue) => {
    const type = (issue.input as { type?: unknown } | undefined)?.type;
    if (typeof issue.input !== 'object' || issue.input === null) return 'each event must be an object';
    return type === undefined
      ? `enter the event type, one of ${EVENT_TYPES.join(', ')}`
      : `unknown event type ${quoted(type)}; use one of ${EVENT_TYPES.join(', ')}`;
  },
});
export type ImportEvent = z.infer<typeof importEventSchema>;

export const importRecordSchema = z.object({
  external_id: text("the ticket's id in the old system", MAX_EXTERNAL_ID),
  subject: text('a subject', MAX_SUBJECT_LENGTH),
  customer: z.object(
    {
      email: emailField("the customer's email"),
      name: optionalText(120),
    },
    { error: missingOr('enter the customer, with at least an email', () => 'must be an object with an email') },
  ),
  created_at: instant('when the ticket was created'),
  created_by: personRef(),
  channel: oneOf(CHANNELS, 'channel'),
  priority: oneOf(PRIORITIES, 'priority').default('normal'),
  journey_stage: optionalText(64),
  touchpoint: optionalText(64),
  tags: z
    .array(
      lineText({ wrongType: 'must be a tag key' })
        .trim()
        .min(1, 'must not be empty')
        .max(64, 'keep tag keys under 64 characters')
        .regex(/^\S+$/, 'a tag key has no spaces'),
      { error: 'must be a list of tag keys' },
    )
    .max(100, 'at most 100 tags')
    .nullish()
    .transform((tags) => [...new Set(tags ?? [])]),
  team: optionalText(100),
  assignee: z.preprocess((v) => (v === '' ? null : v), emailField('the assignee').nullish()).transform((v) => v ?? null),
  events: z
    .array(importEventSchema, { error: missingOr('enter the events, starting with the opening message', () => 'must be a list of events') })
    .min(1, 'enter the events, starting with the opening message')
    .max(MAX_IMPORT_EVENTS, `at most ${MAX_IMPORT_EVENTS.toLocaleString('en-US')} events per ticket`),
});
export type ImportRecord = z.infer<typeof importRecordSchema>;

/** `events[2].at` from ['events', 2, 'at']. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

/** A record that cannot be imported: `field: what is wrong`. */
export class ImportRecordError extends Error {
  constructor(
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
    this.name = 'ImportRecordError';
  }
}

/**
 * The external id of a raw record, when it has a usable one (for the report and the skip check, which looks
 * it up before the record is parsed): one the schema would accept, so a NUL in a bad record's id fails that
 * record alone instead of the lookup for the whole request.
 */
export function rawExternalId(input: unknown): string | null {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).external_id : undefined;
  if (typeof value !== 'string') return null;
  const id = value.trim();
  return id && id.length <= MAX_EXTERNAL_ID && isCleanText(id, 'line') ? id : null;
}

/** Who a person reference points at: the record's customer (by "customer" or their email), or a staff email. */
export function personOf(record: Pick<ImportRecord, 'customer'>, ref: string): { kind: 'customer' } | { kind: 'staff'; email: string } {
  return ref === CUSTOMER || ref === record.customer.email ? { kind: 'customer' } : { kind: 'staff', email: ref };
}

const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * The checks on a record's history that need no database: the opening message, no event before
 * created_at, nothing in the future. Throws ImportRecordError naming the field.
 */
export function checkRecordHistory(record: ImportRecord, now: Date): void {
  const createdAt = Date.parse(record.created_at);
  if (createdAt > now.getTime() + FUTURE_TOLERANCE_MS) throw new ImportRecordError('created_at', 'is in the future');

  const [first] = record.events;
  const creator = personOf(record, record.created_by);
  const opening =
    first.type === 'message' &&
    first.visibility === 'public' &&
    Date.parse(first.at) === createdAt &&
    JSON.stringify(personOf(record, first.author)) === JSON.stringify(creator);
  if (!opening) {
    throw new ImportRecordError('events[0]', 'the first event must be the opening public message by the creator at created_at');
  }

  record.events.forEach((event, index) => {
    const time = Date.parse(event.at);
    if (time < createdAt) throw new ImportRecordError(`events[${index}].at`, 'is before created_at');
    if (time > now.getTime() + FUTURE_TOLERANCE_MS) throw new ImportRecordError(`events[${index}].at`, 'is in the future');
    if (event.type === 'message' && event.visibility === 'internal' && personOf(record, event.author).kind === 'customer') {
      throw new ImportRecordError(`events[${index}].visibility`, 'a customer message cannot be an internal note');
    }
  });
}

export type ParsedImportRecord =
  | { ok: true; record: ImportRecord; externalId: string }
  | { ok: false; error: string; externalId: string | null };

const MAX_REPORTED_ISSUES = 3;

/** Parses and checks one record; never throws for bad input. */
export function parseImportRecord(input: unknown, now: Date): ParsedImportRecord {
  const externalId = rawExternalId(input);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'each ticket must be an object', externalId };
  }
  const parsed = importRecordSchema.safeParse(input);
  if (!parsed.success) {
    const messages = [...new Set(parsed.error.issues.map((issue) => {
      const field = fieldPath(issue.path);
      return field ? `${field}: ${issue.message}` : issue.message;
    }))];
    const shown = messages.slice(0, MAX_REPORTED_ISSUES).join('; ');
    const more = messages.length - MAX_REPORTED_ISSUES;
    return { ok: false, error: more > 0 ? `${shown}; and ${more} more` : shown, externalId };
  }
  try {
    checkRecordHistory(parsed.data, now);
  } catch (error) {
    if (error instanceof ImportRecordError) return { ok: false, error: error.message, externalId: parsed.data.external_id };
    throw error;
  }
  return { ok: true, record: parsed.data, externalId: parsed.data.external_id };
}

/**
 * The request envelope: `{ "tickets": [ … ] }` with at most 1,000 tickets (more → 413). The records
 * themselves are checked one by one later, so a bad one fails alone.
 */
export function parseImportEnvelope(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ServiceError('invalid', 'Send a JSON object like { "tickets": [ … ] }.', {
      fieldErrors: { tickets: ['Send the tickets as a list'] },
    });
  }
  const tickets = (body as { tickets?: unknown }).tickets;
  if (!Array.isArray(tickets)) {
    throw new ServiceError('invalid', 'tickets: send the tickets to import as a list, like { "tickets": [ … ] }.', {
      fieldErrors: { tickets: ['Send the tickets as a list'] },
    });
  }
  assertImportBatchSize(tickets.length);
  return tickets;
}

export function assertImportBatchSize(count: number): void {
  if (count > MAX_IMPORT_TICKETS) {
    throw new ServiceError(
      'payload_too_large',
      `This request holds ${count.toLocaleString('en-US')} tickets; send at most ${MAX_IMPORT_TICKETS.toLocaleString('en-US')} per request.`,
      { fieldErrors: { tickets: [`At most ${MAX_IMPORT_TICKETS.toLocaleString('en-US')} tickets per request`] } },
    );
  }
}
