import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { ticketTags, tickets } from '@/db/schema';
import { UNSOLVED_STATUSES } from '@/lib/domain/ticket-values';
import { ServiceError } from '@/lib/errors';
import type { InboxFilters } from '@/lib/validation/inbox';

const DAY_MS = 86_400_000;
const open = and(inArray(tickets.status, [...UNSOLVED_STATUSES]), isNull(tickets.mergedIntoId))!;

/** A view's own condition; `saved:` views are resolved to their filters before this. Matches the partial indexes. */
function viewCondition(view: string, ctx: { staffId: number; now: Date }): SQL | undefined {
  if (view.startsWith('team:')) return and(open, eq(tickets.teamId, Number(view.slice(5))));
  switch (view) {
    case 'all_open':
      return open;
    case 'my_open':
      return and(open, eq(tickets.assigneeId, ctx.staffId));
    case 'unassigned':
      return and(open, isNull(tickets.assigneeId));
    case 'pending':
      return and(inArray(tickets.status, ['pending', 'on_hold']), isNull(tickets.mergedIntoId));
    case 'recently_solved':
      return and(inArray(tickets.status, ['solved', 'closed']), gte(tickets.lastSolvedAt, new Date(ctx.now.getTime() - 7 * DAY_MS)));
    case 'at_risk':
      return and(open, isNotNull(tickets.slaNextDueAt), lte(tickets.slaNextRiskAt, ctx.now));
    case 'all':
      return undefined;
    default:
      throw new ServiceError('not_found', `There is no view called "${view}".`);
  }
}

/** [from, to) on one timestamp column (lib/validation/inbox turns a bare `to` date into the next midnight). */
function range(column: AnyPgColumn, from: Date | undefined, to: Date | undefined): SQL[] {
  const out: SQL[] = [];
  if (from) out.push(gte(column, from));
  if (to) out.push(lt(column, to));
  return out;
}

/**
 * SLA state of a ticket as a whole: any target breached (its stored breach instant has passed); a running
 * one at risk; running; or all met.
 */
function slaCondition(state: NonNullable<InboxFilters['sla']>, now: Date): SQL {
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  switch (state) {
    case 'breached':
      return sql`${tickets.slaBreachAt} < ${nowTs}`;
    case 'at_risk':
      return sql`${tickets.slaNextDueAt} >= ${nowTs} and ${tickets.slaNextRiskAt} < ${nowTs}`;
    case 'running':
      return sql`${tickets.slaNextDueAt} >= ${nowTs}`;
    case 'met':
      return sql`${tickets.slaFirstResponseDueAt} is not null and ${tickets.slaNextDueAt} is null and (${tickets.slaBreachAt} is null or ${tickets.slaBreachAt} >= ${nowTs})`;
  }
}

/** Every condition the view and filters ask for. The actor's scope: staff see every ticket (DESIGN.md). */
export function filterConditions(f: InboxFilters, ctx: { staffId: number; now: Date }): SQL[] {
  const where: (SQL | undefined)[] = [viewCondition(f.view ?? 'all', ctx)];
  if (f.status?.length) where.push(inArray(tickets.status, f.status));
  if (f.priority?.length) where.push(inArray(tickets.priority, f.priority));
  if (f.channel?.length) where.push(inArray(tickets.channel, f.channel));
  if (f.assignee) where.push(f.assignee === 'none' ? isNull(tickets.assigneeId) : eq(tickets.assigneeId, f.assignee === 'me' ? ctx.staffId : Number(f.assignee)));
  if (f.team) where.push(f.team === 'none' ? isNull(tickets.teamId) : eq(tickets.teamId, Number(f.team)));
  if (f.journey_stage) where.push(eq(tickets.journeyStage, f.journey_stage));
  if (f.touchpoint) where.push(eq(tickets.touchpoint, f.touchpoint));
  if (f.tag) where.push(sql`exists (select 1 from ${ticketTags} where ${ticketTags.ticketId} = ${tickets.id} and ${ticketTags.tagKey} = ${f.tag})`);
  if (f.customer) where.push(eq(tickets.customerId, f.customer));
  where.push(...range(tickets.createdAt, f.created_from, f.created_to));
  where.push(...range(tickets.firstResponseAt, f.first_response_from, f.first_response_to));
  where.push(...range(tickets.firstSolvedAt, f.first_solved_from, f.first_solved_to));
  where.push(...range(tickets.latestCsatAt, f.rated_from, f.rated_to));
  if (f.fcr) where.push(f.fcr === 'null' ? isNull(tickets.fcr) : f.fcr === 'known' ? isNotNull(tickets.fcr) : eq(tickets.fcr, f.fcr === 'true'));
  if (f.merged) where.push(f.merged === 'true' ? isNotNull(tickets.mergedIntoId) : isNull(tickets.mergedIntoId));
  if (f.reopened) where.push(f.reopened === 'true' ? sql`${tickets.reopenCount} >= 1` : eq(tickets.reopenCount, 0));
  if (f.sla) where.push(slaCondition(f.sla, ctx.now));
  return where.filter((c): c is SQL => c !== undefined);
}
