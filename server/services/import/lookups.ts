/**
 * What an import request knows about existing rows (tickets by external id, customers, staff, teams, tags,
 * journey stages, touchpoints, settings), and the find-or-create of the entities a chunk names.
 */
import { inArray, sql, type AnyColumn } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, cxTags, journeyStages, teams, tickets, touchpoints, users } from '@/db/schema';
import { personOf, type ImportRecord } from '@/lib/validation/import';
import type { WorkspaceSettings } from '@/lib/validation/settings';
import { getSettings } from '../settings';
import type { Ready } from './replay';

/** The group of the CX tags the import creates for keys it does not know. */
export const IMPORTED_TAG_GROUP = 'imported';

/** What a request already knows. Entities a chunk creates join only once its transaction commits. */
export interface Known {
  tickets: Map<string, number>;
  customers: Map<string, number>;
  staff: Map<string, number>;
  teams: Map<string, number>;
  tags: Set<string>;
  stages: Set<string>;
  touchpoints: Set<string>;
  settings: WorkspaceSettings;
}
export type Added = Pick<Known, 'customers' | 'staff' | 'teams' | 'tags'>;

/** An empty set of entities for one chunk's transaction to fill. */
export function noneAdded(): Added {
  return { customers: new Map(), staff: new Map(), teams: new Map(), tags: new Set() };
}

/** Makes a committed chunk's entities known to the rest of the request. */
export function mergeAdded(known: Known, added: Added): void {
  for (const [k, v] of added.customers) known.customers.set(k, v);
  for (const [k, v] of added.staff) known.staff.set(k, v);
  for (const [k, v] of added.teams) known.teams.set(k, v);
  for (const k of added.tags) known.tags.add(k);
}

/** The staff emails a record names (creator, assignee, message authors, status changers). */
export function staffEmailsOf(record: ImportRecord): string[] {
  const refs = [record.created_by, ...(record.assignee ? [record.assignee] : [])];
  for (const event of record.events) {
    if (event.type === 'message') refs.push(event.author);
    if (event.type === 'status' && event.by) refs.push(event.by);
  }
  return [...new Set(refs.filter((r) => personOf(record, r).kind === 'staff'))];
}

export async function loadKnown(db: Db, externalIds: string[], records: ImportRecord[]): Promise<Known> {
  const emails = [...new Set(records.map((r) => r.customer.email))];
  const staff = [...new Set(records.flatMap(staffEmailsOf))];
  const teamNames = [...new Set(records.flatMap((r) => (r.team ? [r.team.toLowerCase()] : [])))];
  const tags = [...new Set(records.flatMap((r) => r.tags))];
  const lower = (column: AnyColumn) => sql<string>`lower(${column})`;
  const none = Promise.resolve([] as { id: number; key: string }[]);
  const [ticketRows, customerRows, staffRows, teamRows, tagRows, stageRows, touchpointRows, settings] = await Promise.all([
    externalIds.length ? db.select({ id: tickets.id, key: sql<string>`${tickets.externalId}` }).from(tickets).where(inArray(tickets.externalId, externalIds)) : none,
    emails.length ? db.select({ id: customers.id, key: lower(customers.email) }).from(customers).where(inArray(lower(customers.email), emails)) : none,
    staff.length ? db.select({ id: users.id, key: lower(users.email) }).from(users).where(inArray(lower(users.email), staff)) : none,
    teamNames.length ? db.select({ id: teams.id, key: lower(teams.name) }).from(teams).where(inArray(lower(teams.name), teamNames)) : none,
    tags.length ? db.select({ key: cxTags.key }).from(cxTags).where(inArray(cxTags.key, tags)) : Promise.resolve([]),
    db.select({ key: journeyStages.key }).from(journeyStages),
    db.select({ key: touchpoints.key }).from(touchpoints),
    getSettings(db),
  ]);
  const byKey = (rows: { id: number; key: string }[]) => new Map(rows.map((r) => [r.key, r.id]));
  return {
    tickets: byKey(ticketRows),
    customers: byKey(customerRows),
    staff: byKey(staffRows),
    teams: byKey(teamRows),
    tags: new Set(tagRows.map((r) => r.key)),
    stages: new Set(stageRows.map((r) => r.key)),
    touchpoints: new Set(touchpointRows.map((r) => r.key)),
    settings,
  };
}

/** "jane.doe@example.com" → "Jane Doe": a name for people the history names only by email. */
function nameFromEmail(email: string): string {
  const words = (email.split('@')[0] ?? '').split(/[._+-]+/).filter(Boolean);
  return words.length ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : email;
}

/**
 * Creates the customers, staff (agents without a password: they cannot sign in), teams and CX tags a chunk
 * names and nobody knows yet. Conflicts (a concurrent import) fall back to the existing rows.
 */
export async function ensureEntities(tx: Db, items: Ready[], known: Known, added: Added): Promise<void> {
  const missing = <K>(keys: K[], has: (k: K) => boolean) => [...new Set(keys)].filter((k) => !has(k));
  const newCustomers = missing(items.map((i) => i.record.customer.email), (e) => known.customers.has(e));
  if (newCustomers.length) {
    const names = new Map(items.map((i) => [i.record.customer.email, i.record.customer.name]));
    await tx.insert(customers).values(newCustomers.map((email) => ({ email, name: names.get(email) ?? nameFromEmail(email) }))).onConflictDoNothing();
    const rows = await tx.select({ id: customers.id, email: sql<string>`lower(${customers.email})` }).from(customers).where(inArray(sql`lower(${customers.email})`, newCustomers));
    for (const r of rows) added.customers.set(r.email, r.id);
  }
  const newStaff = missing(items.flatMap((i) => staffEmailsOf(i.record)), (e) => known.staff.has(e));
  if (newStaff.length) {
    await tx.insert(users).values(newStaff.map((email) => ({ email, name: nameFromEmail(email), role: 'agent' as const, passwordHash: null }))).onConflictDoNothing();
    const rows = await tx.select({ id: users.id, email: sql<string>`lower(${users.email})` }).from(users).where(inArray(sql`lower(${users.email})`, newStaff));
    for (const r of rows) added.staff.set(r.email, r.id);
  }
  const teamNames = new Map(items.flatMap((i) => (i.record.team ? [[i.record.team.toLowerCase(), i.record.team] as const] : [])));
  const newTeams = missing([...teamNames.keys()], (k) => known.teams.has(k));
  if (newTeams.length) {
    await tx.insert(teams).values(newTeams.map((k) => ({ name: teamNames.get(k)! }))).onConflictDoNothing();
    const rows = await tx.select({ id: teams.id, key: sql<string>`lower(${teams.name})` }).from(teams).where(inArray(sql`lower(${teams.name})`, newTeams));
    for (const r of rows) added.teams.set(r.key, r.id);
  }
  const newTags = missing(items.flatMap((i) => i.record.tags), (k) => known.tags.has(k));
  if (newTags.length) {
    await tx.insert(cxTags).values(newTags.map((key) => ({ key, label: key, group: IMPORTED_TAG_GROUP }))).onConflictDoNothing();
    for (const key of newTags) added.tags.add(key);
  }
}
