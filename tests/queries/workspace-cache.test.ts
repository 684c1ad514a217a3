import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { cxTags, users, workspaceVersion } from '@/db/schema';
import type { StaffActor } from '@/lib/domain/permissions';
import { inboxFilterOptions } from '@/server/queries/inbox/options';
import { cachedUsableMacros } from '@/server/queries/macros';
import { ticketPanelData } from '@/server/queries/ticket-panel';
import { workspaceReads } from '@/server/queries/workspace-cache';
import { createMacro } from '@/server/services/macros';
import { setAvailability } from '@/server/services/round-robin';
import { addTaxonomyEntry, updateTaxonomyEntry } from '@/server/services/taxonomy-admin';
import { createTicket } from '@/server/services/tickets-create';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { seedPeople } from '../fixtures';

describe(`workspace cache (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let agent: StaffActor;
  const version = async () => (await handle.db.select().from(workspaceVersion))[0].version;

  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
    agent = { kind: 'staff', id: people.agent.id, role: 'agent', teamId: people.agent.teamId, name: people.agent.name, email: people.agent.email };
  });
  afterAll(() => handle.close());

  it('serves the same read while nothing changes, with one version read per request', async () => {
    const { db } = handle;
    let loads = 0;
    const load = async () => ({ n: ++loads });
    const first = await workspaceReads(db).get('probe', load);
    const again = await workspaceReads(db).get('probe', load);
    expect(again).toBe(first);
    expect(loads).toBe(1);
  });

  it('every change to the cached tables bumps the version in its own transaction, and a rollback does not', async () => {
    const { db } = handle;
    const before = await version();
    await addTaxonomyEntry(db, { kind: 'tag', key: 'cache_probe', label: 'Cache probe', description: '', group: 'pain_point' });
    expect(await version()).toBeGreaterThan(before);

    const afterTag = await version();
    await db.transaction(async (tx) => {
      await tx.update(cxTags).set({ label: 'Never' }).where(eq(cxTags.key, 'cache_probe'));
      tx.rollback();
    }).catch(() => {});
    expect(await version()).toBe(afterTag);

    // Availability and round-robin turns change all day and are not cached: they leave the version alone.
    await setAvailability(db, people.agent.id, true);
    await db.update(users).set({ lastAutoAssignedAt: new Date() }).where(eq(users.id, people.agent.id));
    expect(await version()).toBe(afterTag);
    await db.update(users).set({ name: 'Agnes Renamed' }).where(eq(users.id, people.agent.id));
    expect(await version()).toBeGreaterThan(afterTag);
    await db.update(users).set({ name: people.agent.name }).where(eq(users.id, people.agent.id));
  });

  it('shows a change on the next read, as another process would see it', async () => {
    const { db } = handle;
    const options = await inboxFilterOptions(db);
    expect(await inboxFilterOptions(db)).toBe(options);
    // Written behind the cache's back (as another app process would): only the database's version tells.
    await db.execute(sql`update journey_stages set label = 'Getting started' where key = 'onboarding'`);
    const fresh = await inboxFilterOptions(db);
    expect(fresh).not.toBe(options);
    expect(fresh.stages.find((s) => s.key === 'onboarding')?.label).toBe('Getting started');

    await updateTaxonomyEntry(db, { kind: 'tag', key: 'cache_probe', label: 'Cache probe renamed', description: '' });
    const t = await createTicket(db, { subject: 'Panel', body: 'x', customerId: people.bob.id, createdByKind: 'customer', channel: 'email' });
    expect((await ticketPanelData(db, t.id)).allTags.find((tag) => tag.key === 'cache_probe')?.label).toBe('Cache probe renamed');
  });

  it('keeps macros per person and shows a new one at once', async () => {
    const { db } = handle;
    expect(await cachedUsableMacros(workspaceReads(db), agent)).toEqual([]);
    await createMacro(db, agent, { name: 'Mine', body: 'Hello', shared: false, addTags: [], journeyStage: undefined });
    expect((await cachedUsableMacros(workspaceReads(db), agent)).map((m) => m.name)).toEqual(['Mine']);
    const lead = { ...agent, id: agent.id + 1000 };
    expect(await cachedUsableMacros(workspaceReads(db), lead)).toEqual([]);
  });

  it('does not remember a failed read', async () => {
    const { db } = handle;
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new Error('connection reset');
      return 'ok';
    };
    await expect(workspaceReads(db).get('flaky', flaky)).rejects.toThrow('connection reset');
    expect(await workspaceReads(db).get('flaky', flaky)).toBe('ok');
  });
});
