import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cxTagGroups, cxTags, journeyStages, ticketTags, touchpoints } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { singleFieldEdit, type FieldEdit, type StepContext } from './ticket-fields';
import { recordTicketEvent, type TicketRow } from './ticket-write';

const TAXONOMY = {
  journey_stage: { table: journeyStages, column: 'journeyStage', what: 'journey stage' },
  touchpoint: { table: touchpoints, column: 'touchpoint', what: 'touchpoint' },
} as const;

/**
 * A stage or touchpoint chosen now must exist and be active. A retired one stays on the tickets that
 * already carry it (nothing changes then), but cannot be chosen again.
 */
async function assertChoosable(tx: Db, kind: keyof typeof TAXONOMY, key: string): Promise<void> {
  const { table, column, what } = TAXONOMY[kind];
  const [entry] = await tx.select({ label: table.label, retiredAt: table.retiredAt }).from(table).where(eq(table.key, key));
  if (!entry) {
    throw new ServiceError('invalid', `Unknown ${what} "${key}". Choose one from the list.`, { fieldErrors: { [column]: [`Choose a ${what} from the list`] } });
  }
  if (entry.retiredAt) {
    throw new ServiceError('invalid', `The ${what} "${entry.label}" is retired: tickets that have it keep it, but it cannot be chosen again.`, {
      fieldErrors: { [column]: [`"${entry.label}" is retired`] },
    });
  }
}

async function taxonomyStep(tx: Db, row: TicketRow, kind: keyof typeof TAXONOMY, to: string | null, ctx: StepContext): Promise<TicketRow> {
  const column = TAXONOMY[kind].column;
  const from = row[column];
  if (from === to) return row;
  if (to !== null) await assertChoosable(tx, kind, to);
  return recordTicketEvent(tx, row, { type: kind, at: ctx.at, data: { from, to } }, ctx.actor, {
    settings: ctx.settings,
    set: { ...ctx.set, [column]: to },
  });
}

export const journeyStageStep = (tx: Db, row: TicketRow, to: string | null, ctx: StepContext) => taxonomyStep(tx, row, 'journey_stage', to, ctx);
export const touchpointStep = (tx: Db, row: TicketRow, to: string | null, ctx: StepContext) => taxonomyStep(tx, row, 'touchpoint', to, ctx);

/**
 * Sets the ticket's CX tags to exactly `tagKeys`. Tags it keeps may be retired; tags it gains must be
 * active. One `tags` event records what was added and removed.
 */
export async function tagsStep(tx: Db, row: TicketRow, tagKeys: readonly string[], ctx: StepContext): Promise<TicketRow> {
  const wanted = [...new Set(tagKeys)];
  const existing = (await tx.select({ key: ticketTags.tagKey }).from(ticketTags).where(eq(ticketTags.ticketId, row.id))).map((t) => t.key);
  const added = wanted.filter((k) => !existing.includes(k));
  const removed = existing.filter((k) => !wanted.includes(k));
  if (added.length === 0 && removed.length === 0) return row;
  if (added.length) {
    // A tag in a retired group is as unavailable as a retired tag.
    const found = await tx
      .select({ key: cxTags.key, label: cxTags.label, retiredAt: sql<Date | null>`coalesce(${cxTags.retiredAt}, ${cxTagGroups.retiredAt})` })
      .from(cxTags)
      .leftJoin(cxTagGroups, eq(cxTagGroups.key, cxTags.group))
      .where(inArray(cxTags.key, added));
    const unknown = added.filter((k) => !found.some((t) => t.key === k));
    if (unknown.length) throw new ServiceError('invalid', `Unknown CX tag: ${unknown.join(', ')}. Choose tags from the list.`, { fieldErrors: { tags: ['Choose tags from the list'] } });
    const retired = found.filter((t) => t.retiredAt);
    if (retired.length) {
      const labels = retired.map((t) => `"${t.label}"`).join(', ');
      throw new ServiceError('invalid', `The CX tag ${labels} is retired: tickets that have it keep it, but it cannot be added again.`, {
        fieldErrors: { tags: [`${labels} is retired`] },
      });
    }
    await tx.insert(ticketTags).values(added.map((tagKey) => ({ ticketId: row.id, tagKey })));
  }
  if (removed.length) await tx.delete(ticketTags).where(and(eq(ticketTags.ticketId, row.id), inArray(ticketTags.tagKey, removed)));
  return recordTicketEvent(tx, row, { type: 'tags', at: ctx.at, data: { added, removed } }, ctx.actor, { settings: ctx.settings, set: ctx.set });
}

export async function changeJourneyStage(db: Db, input: FieldEdit & { journeyStage: string | null }): Promise<TicketRow> {
  return singleFieldEdit(db, input, 'journey_stage', (tx, row, ctx) => journeyStageStep(tx, row, input.journeyStage, ctx));
}

export async function changeTouchpoint(db: Db, input: FieldEdit & { touchpoint: string | null }): Promise<TicketRow> {
  return singleFieldEdit(db, input, 'touchpoint', (tx, row, ctx) => touchpointStep(tx, row, input.touchpoint, ctx));
}

export async function setTicketTags(db: Db, input: FieldEdit & { tagKeys: string[] }): Promise<TicketRow> {
  return singleFieldEdit(db, input, 'tags', (tx, row, ctx) => tagsStep(tx, row, input.tagKeys, ctx));
}
