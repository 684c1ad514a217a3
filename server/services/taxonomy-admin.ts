import { and, asc, eq, isNull, max } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { cxTagGroups, cxTags, journeyStages, touchpoints } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import type {
  AddTaxonomyEntryInput,
  MoveTaxonomyEntryInput,
  RetireTaxonomyEntryInput,
  TaxonomyKind,
  UpdateTaxonomyEntryInput,
} from '@/lib/validation/taxonomy';

// The four lists share their columns (key, label, description, position, retired_at), so one set of
// queries serves all of them; the cast only narrows the type, each query still runs on its own table.
const TABLES = { journey_stage: journeyStages, touchpoint: touchpoints, tag_group: cxTagGroups, tag: cxTags } as const;
const tableOf = (kind: TaxonomyKind) => TABLES[kind] as typeof journeyStages;
const hasPortalLabel = (kind: TaxonomyKind) => kind === 'journey_stage' || kind === 'touchpoint';

const KIND_NAMES: Record<TaxonomyKind, string> = { journey_stage: 'journey stage', touchpoint: 'touchpoint', tag_group: 'tag group', tag: 'CX tag' };

const notFound = (kind: TaxonomyKind, key: string) =>
  new ServiceError('not_found', `There is no ${KIND_NAMES[kind]} with the key "${key}".`, { fieldErrors: { key: [`There is no ${KIND_NAMES[kind]} with that key`] } });

/** Adds an entry at the end of its list. Its key is checked (a slug, unique) and never changes afterwards. */
export async function addTaxonomyEntry(db: Db, input: AddTaxonomyEntryInput): Promise<{ key: string }> {
  return db.transaction(async (tx) => {
    const table = tableOf(input.kind);
    const [taken] = await tx.select({ key: table.key }).from(table).where(eq(table.key, input.key));
    if (taken) {
      throw new ServiceError('invalid', `The key "${input.key}" is already used by a ${KIND_NAMES[input.kind]}. Keys never change, so choose another.`, {
        fieldErrors: { key: ['That key is already used'] },
      });
    }
    const [{ last }] = await tx.select({ last: max(table.position) }).from(table);
    const base = { key: input.key, label: input.label, description: input.description, position: (last ?? -1) + 1 };
    if (input.kind === 'tag') {
      const [group] = input.group ? await tx.select({ key: cxTagGroups.key }).from(cxTagGroups).where(and(eq(cxTagGroups.key, input.group), isNull(cxTagGroups.retiredAt))) : [];
      if (!group) throw new ServiceError('invalid', 'Choose the group the tag belongs to.', { fieldErrors: { group: ['Choose a group'] } });
      await tx.insert(cxTags).values({ ...base, group: group.key });
    } else if (hasPortalLabel(input.kind)) {
      await tx.insert(table).values({ ...base, portalLabel: input.portalLabel ?? '' });
    } else {
      await tx.insert(cxTagGroups).values(base);
    }
    return { key: input.key };
  });
}

/**
 * Renames and describes an entry. The key is not part of the input: tickets, events and reports keep it.
 * In a transaction, so an unknown key rolls back the workspace-version bump its statement trigger made.
 */
export async function updateTaxonomyEntry(db: Db, input: UpdateTaxonomyEntryInput): Promise<void> {
  const table = tableOf(input.kind);
  const set = { label: input.label, description: input.description, ...(hasPortalLabel(input.kind) && input.portalLabel !== undefined ? { portalLabel: input.portalLabel } : {}) };
  await db.transaction(async (tx) => {
    const updated = await tx.update(table).set(set).where(eq(table.key, input.key)).returning({ key: table.key });
    if (updated.length === 0) throw notFound(input.kind, input.key);
  });
}

/**
 * Moves an entry one place up or down its list (tags: within their group). Positions are renumbered
 * 0…n first, so ties and gaps left by older data cannot make a move a no-op.
 */
export async function moveTaxonomyEntry(db: Db, input: MoveTaxonomyEntryInput): Promise<void> {
  await db.transaction(async (tx) => {
    const table = tableOf(input.kind);
    const rows =
      input.kind === 'tag'
        ? await tx.select({ key: cxTags.key, group: cxTags.group }).from(cxTags).orderBy(asc(cxTags.position), asc(cxTags.key)).for('update')
        : await tx.select({ key: table.key }).from(table).orderBy(asc(table.position), asc(table.key)).for('update');
    const order = rows.map((r) => r.key);
    const from = order.indexOf(input.key);
    if (from === -1) throw notFound(input.kind, input.key);
    const sameList = (key: string) => input.kind !== 'tag' || (rows.find((r) => r.key === key) as { group?: string }).group === (rows[from] as { group?: string }).group;
    const step = input.direction === 'up' ? -1 : 1;
    let to = from + step;
    while (to >= 0 && to < order.length && !sameList(order[to])) to += step;
    if (to < 0 || to >= order.length) return; // already first or last: nothing to do
    [order[from], order[to]] = [order[to], order[from]];
    for (const [position, key] of order.entries()) await tx.update(table).set({ position }).where(eq(table.key, key));
  });
}

/**
 * Retires an entry (or brings it back). A retired entry stays on the tickets that carry it and in
 * reports, but cannot be chosen for a ticket again.
 */
export async function setTaxonomyEntryRetired(db: Db, input: RetireTaxonomyEntryInput, now = new Date()): Promise<void> {
  const table = tableOf(input.kind);
  await db.transaction(async (tx) => {
    const updated = await tx.update(table).set({ retiredAt: input.retired ? now : null }).where(eq(table.key, input.key)).returning({ key: table.key });
    if (updated.length === 0) throw notFound(input.kind, input.key); // rolls back the version bump too
  });
}
