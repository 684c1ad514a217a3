import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { CHANNELS, CREATED_BY_KINDS, PRIORITIES, TICKET_STATUSES } from '@/lib/domain/ticket-values';
import { customers } from './customers';
import { tsvector } from './types';
import { cxTags, journeyStages, touchpoints } from './taxonomy';
import { teams } from './teams';
import { users } from './users';

/** Bumped on every ticket write, so pollers ask "what changed since N" without trusting clocks. */
export const ticketChangeSeq = pgSequence('ticket_change_seq');

const OPEN_STATUSES_SQL = sql.raw(`status in ('new', 'open', 'pending', 'on_hold') and merged_into_id is null`);
const tz = { withTimezone: true } as const;

export const tickets = pgTable(
  'tickets',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Random key for portal URLs: no sequential id ever appears there. */
    publicKey: text().notNull(),
    subject: text().notNull(),
    reference: text(),
    status: text({ enum: TICKET_STATUSES }).notNull(),
    priority: text({ enum: PRIORITIES }).notNull().default('normal'),
    channel: text({ enum: CHANNELS }).notNull(),
    createdByKind: text({ enum: CREATED_BY_KINDS }).notNull(),
    createdByUserId: integer().references(() => users.id),
    customerId: integer()
      .notNull()
      .references(() => customers.id),
    assigneeId: integer().references(() => users.id, { onDelete: 'set null' }),
    teamId: integer().references(() => teams.id, { onDelete: 'set null' }),
    journeyStage: text().references(() => journeyStages.key),
    touchpoint: text().references(() => touchpoints.key),
    followUpOfId: integer().references((): AnyPgColumn => tickets.id),
    mergedIntoId: integer().references((): AnyPgColumn => tickets.id),
    externalId: text(),
    /** Submitted by a signed-in portal account: the one kind of request an unverified account may see. */
    submittedByAccount: boolean().notNull().default(false),
    /** The subject's search vector, computed once on write so a search never re-parses text per row. */
    subjectTsv: tsvector().generatedAlwaysAs(sql`to_tsvector('english', subject)`),

    createdAt: timestamp(tz).notNull().defaultNow(),
    updatedAt: timestamp(tz).notNull().defaultNow(),
    /** Any activity, internal included: the inbox sorts on it. */
    lastActivityAt: timestamp(tz).notNull().defaultNow(),
    /** Public activity only: the portal's "last update" and the auto-close clock. */
    lastPublicActivityAt: timestamp(tz).notNull().defaultNow(),

    // Metric facts (METRICS.md), written in the same transaction as the change.
    /** FRT/SLA clock start: created_at, or the first public customer message of an agent-created ticket. */
    clockStartedAt: timestamp(tz),
    firstResponseAt: timestamp(tz),
    /** FRT inside the business calendar of the ticket's team (else the workspace's) at the time of the reply. */
    firstResponseBusinessSeconds: integer(),
    firstSolvedAt: timestamp(tz),
    lastSolvedAt: timestamp(tz),
    reopenCount: integer().notNull().default(0),
    agentReplyCount: integer().notNull().default(0),
    repliesBeforeFirstSolve: integer().notNull().default(0),
    customerMessageCount: integer().notNull().default(0),
    /** The customer's later ticket that fell inside the re-contact window, if any. */
    recontactTicketId: integer(),
    fcr: boolean(),
    latestCsatScore: smallint(),
    latestCsatAt: timestamp(tz),
    /** SLA deadlines under the current priority and calendar; null when the ticket has no such target. */
    slaFirstResponseDueAt: timestamp(tz),
    slaResolutionDueAt: timestamp(tz),
    slaNextDueAt: timestamp(tz),
    slaNextRiskAt: timestamp(tz),
    // Each figure's value, derived by Postgres from the facts above so it can sit in the covering indexes
    // that the aggregates read (migration 0009): durations in whole seconds, and for each SLA target the
    // instant it counts at (its event when met, its deadline otherwise) with a met flag (METRICS.md).
    frtSeconds: integer().generatedAlwaysAs(sql`floor(date_part('epoch', first_response_at - clock_started_at))::integer`),
    firstResolutionSeconds: integer().generatedAlwaysAs(sql`floor(date_part('epoch', first_solved_at - created_at))::integer`),
    fullResolutionSeconds: integer().generatedAlwaysAs(sql`floor(date_part('epoch', last_solved_at - created_at))::integer`),
    slaFrAt: timestamp(tz).generatedAlwaysAs(
      sql`case when sla_first_response_due_at is not null then least(first_response_at, first_solved_at, sla_first_response_due_at) end`,
    ),
    slaFrMet: boolean().generatedAlwaysAs(sql`coalesce(least(first_response_at, first_solved_at) <= sla_first_response_due_at, false)`),
    slaResAt: timestamp(tz).generatedAlwaysAs(sql`case when sla_resolution_due_at is not null then least(first_solved_at, sla_resolution_due_at) end`),
    slaResMet: boolean().generatedAlwaysAs(sql`coalesce(first_solved_at <= sla_resolution_due_at, false)`),
    // When the ticket breaches (or breached) its SLA: the earliest deadline of a target not met in time.
    // "Breached now" is `sla_breach_at < now`, one indexed range, instead of a test on four columns of
    // every open ticket (a generated column cannot read another, so the met tests are spelled out again).
    slaBreachAt: timestamp(tz).generatedAlwaysAs(
      sql`least(case when not coalesce(least(first_response_at, first_solved_at) <= sla_first_response_due_at, false) then sla_first_response_due_at end,
        case when not coalesce(first_solved_at <= sla_resolution_due_at, false) then sla_resolution_due_at end)`,
    ),
    /** urgent 0 … low 3: the priority sort as a plain indexed column. */
    priorityRank: smallint()
      .notNull()
      .generatedAlwaysAs(sql`case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`),

    version: integer().notNull().default(1),
    changeSeq: bigint({ mode: 'number' })
      .notNull()
      .default(sql`nextval('ticket_change_seq')`),
  },
  (t) => [
    uniqueIndex('tickets_public_key_idx').on(t.publicKey),
    uniqueIndex('tickets_external_id_idx').on(t.externalId).where(sql`external_id is not null`),
    index('tickets_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('tickets_open_created_idx').on(t.createdAt.desc(), t.id.desc()).where(OPEN_STATUSES_SQL),
    index('tickets_open_activity_idx').on(t.lastActivityAt.desc(), t.id.desc()).where(OPEN_STATUSES_SQL),
    index('tickets_open_assignee_idx').on(t.assigneeId, t.lastActivityAt.desc(), t.id.desc()).where(OPEN_STATUSES_SQL),
    index('tickets_customer_idx').on(t.customerId, t.createdAt.desc()),
    // One index per event time that a metric is counted by (METRICS.md, period attribution).
    index('tickets_first_solved_idx').on(t.firstSolvedAt).where(sql`first_solved_at is not null`),
    index('tickets_first_response_idx').on(t.firstResponseAt).where(sql`first_response_at is not null`),
    index('tickets_last_solved_idx').on(t.lastSolvedAt).where(sql`last_solved_at is not null`),
    index('tickets_csat_at_idx').on(t.latestCsatAt).where(sql`latest_csat_at is not null`),
    index('tickets_sla_fr_due_idx').on(t.slaFirstResponseDueAt).where(sql`sla_first_response_due_at is not null`),
    index('tickets_sla_res_due_idx').on(t.slaResolutionDueAt).where(sql`sla_resolution_due_at is not null`),
    index('tickets_change_seq_idx').on(t.changeSeq),
    index('tickets_subject_tsv_idx').using('gin', t.subjectTsv),
    index('tickets_open_priority_idx').on(t.priorityRank, t.lastActivityAt.desc(), t.id.desc()).where(OPEN_STATUSES_SQL),
    // Auto-close finds solved tickets whose last public activity is older than the delay.
    index('tickets_solved_public_activity_idx').on(t.lastPublicActivityAt).where(sql`status = 'solved'`),
    // The ticket page shows follow-ups and merged duplicates of a ticket: both columns are mostly null.
    index('tickets_follow_up_of_idx').on(t.followUpOfId).where(sql`follow_up_of_id is not null`),
    index('tickets_merged_into_idx').on(t.mergedIntoId).where(sql`merged_into_id is not null`),
    // The SLA sort walks this (tickets without a running target last); the breached filter reads the next.
    index('tickets_open_sla_idx').on(t.slaNextDueAt, t.id).where(OPEN_STATUSES_SQL),
    index('tickets_open_breach_idx').on(t.slaBreachAt).where(sql`${OPEN_STATUSES_SQL} and sla_breach_at is not null`),
  ],
);

export const ticketTags = pgTable(
  'ticket_tags',
  {
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    tagKey: text()
      .notNull()
      .references(() => cxTags.key),
    createdAt: timestamp(tz).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.tagKey] }), index('ticket_tags_tag_idx').on(t.tagKey, t.ticketId)],
);
