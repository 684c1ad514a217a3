import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { journeyStages, ticketEvents, tickets, ticketTags } from '@/db/schema';
import { rollupDrift } from '@/server/queries/metrics/aggregate';
import { rebuildMetrics } from '@/server/services/rebuild-metrics';
import { addTaxonomyEntry, moveTaxonomyEntry, setTaxonomyEntryRetired, updateTaxonomyEntry } from '@/server/services/taxonomy-admin';
import { changeJourneyStage, changeTouchpoint, setTicketTags } from '@/server/services/ticket-cx';
import { editTicketFields } from '@/server/services/ticket-edit';
import { changePriority } from '@/server/services/ticket-fields';
import { createTicket } from '@/server/services/tickets-create';
import { listTaxonomy } from '@/server/queries/taxonomy';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { at, seedPeople } from '../fixtures';

describe(`CX fields on a ticket: stage, touchpoint, tags (${describeDb})`, () => {
  let handle: TestDbHandle;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const actor = () => ({ kind: 'agent' as const, userId: people.agent.id });
  const open = (subject: string, extra: { journeyStage?: string; touchpoint?: string } = {}) =>
    createTicket(handle.db, { subject, body: 'Hi', customerId: people.alice.id, createdByKind: 'customer', channel: 'email', at: at(0), ...extra });
  const eventsOf = (ticketId: number) => handle.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.id));

  beforeAll(async () => {
    handle = await createTestDb();
    people = await seedPeople(handle.db);
  });
  afterAll(() => handle.close());

  it('each change writes its ticket_event with from/to, bumps the version, and keeps facts and rollup exact', async () => {
    const t = await open('Where is my parcel', { journeyStage: 'purchase', touchpoint: 'website' });
    const a = await changeJourneyStage(handle.db, { ticketId: t.id, version: t.version, journeyStage: 'onboarding', actor: actor(), at: at(1) });
    const b = await changeTouchpoint(handle.db, { ticketId: t.id, version: a.version, touchpoint: 'delivery', actor: actor(), at: at(2) });
    const c = await setTicketTags(handle.db, { ticketId: t.id, version: b.version, tagKeys: ['wait_time', 'negative'], actor: actor(), at: at(3) });
    const d = await setTicketTags(handle.db, { ticketId: t.id, version: c.version, tagKeys: ['wait_time', 'speed'], actor: actor(), at: at(4) });
    expect(d).toMatchObject({ journeyStage: 'onboarding', touchpoint: 'delivery', version: t.version + 4 });

    const events = (await eventsOf(t.id)).filter((e) => ['journey_stage', 'touchpoint', 'tags'].includes(e.type));
    expect(events.map((e) => [e.type, e.data, e.actorUserId])).toEqual([
      ['journey_stage', { from: 'purchase', to: 'onboarding' }, people.agent.id],
      ['touchpoint', { from: 'website', to: 'delivery' }, people.agent.id],
      ['tags', { added: ['wait_time', 'negative'], removed: [] }, people.agent.id],
      ['tags', { added: ['speed'], removed: ['negative'] }, people.agent.id],
    ]);
    const tags = await handle.db.select({ key: ticketTags.tagKey }).from(ticketTags).where(eq(ticketTags.ticketId, t.id)).orderBy(asc(ticketTags.tagKey));
    expect(tags.map((r) => r.key)).toEqual(['speed', 'wait_time']);

    // Setting the same value again is no change: no event, no version bump.
    const same = await changeJourneyStage(handle.db, { ticketId: t.id, version: d.version, journeyStage: 'onboarding', actor: actor() });
    expect(same.version).toBe(d.version);
    expect((await eventsOf(t.id)).length).toBe(events.length + 2); // + created and the opening message

    expect(await rollupDrift(handle.db)).toBe(0);
    expect((await rebuildMetrics(handle.db, { dryRun: true })).differed).toBe(0);
  });

  it('a retired stage, touchpoint or tag stays on the tickets that have it but cannot be chosen again', async () => {
    const t = await open('Old stage', { journeyStage: 'awareness', touchpoint: 'store' });
    await setTicketTags(handle.db, { ticketId: t.id, tagKeys: ['price'], actor: actor() });
    await setTaxonomyEntryRetired(handle.db, { kind: 'journey_stage', key: 'awareness', retired: true });
    await setTaxonomyEntryRetired(handle.db, { kind: 'touchpoint', key: 'social', retired: true });
    await setTaxonomyEntryRetired(handle.db, { kind: 'tag', key: 'price', retired: true });
    await setTaxonomyEntryRetired(handle.db, { kind: 'tag', key: 'app_bug', retired: true });
    try {
      const other = await open('New one');
      await expect(changeJourneyStage(handle.db, { ticketId: other.id, journeyStage: 'awareness', actor: actor() })).rejects.toMatchObject({
        code: 'invalid',
        message: expect.stringContaining('"Awareness" is retired'),
      });
      await expect(changeTouchpoint(handle.db, { ticketId: other.id, touchpoint: 'social', actor: actor() })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('retired') });
      await expect(setTicketTags(handle.db, { ticketId: other.id, tagKeys: ['app_bug'], actor: actor() })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('"App bug" is retired') });
      await expect(changeJourneyStage(handle.db, { ticketId: other.id, journeyStage: 'no_such_stage', actor: actor() })).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('Unknown journey stage') });

      // The old ticket keeps its retired stage and tag, and may change other fields around them.
      const kept = await setTicketTags(handle.db, { ticketId: t.id, tagKeys: ['price', 'speed'], actor: actor() });
      const [row] = await handle.db.select().from(tickets).where(eq(tickets.id, kept.id));
      expect(row.journeyStage).toBe('awareness');
      const tags = await handle.db.select({ key: ticketTags.tagKey }).from(ticketTags).where(eq(ticketTags.ticketId, t.id));
      expect(tags.map((r) => r.key).sort()).toEqual(['price', 'speed']);
      // A tag in a retired group cannot be added either.
      await setTaxonomyEntryRetired(handle.db, { kind: 'tag_group', key: 'sentiment', retired: true });
      await expect(setTicketTags(handle.db, { ticketId: other.id, tagKeys: ['positive'], actor: actor() })).rejects.toMatchObject({ code: 'invalid' });
    } finally {
      for (const [kind, key] of [['journey_stage', 'awareness'], ['touchpoint', 'social'], ['tag', 'price'], ['tag', 'app_bug'], ['tag_group', 'sentiment']] as const) {
        await setTaxonomyEntryRetired(handle.db, { kind, key, retired: false });
      }
    }
  });

  it('a stale version is refused with the current value and who set it; nothing is written', async () => {
    const t = await open('Two agents at once', { journeyStage: 'purchase' });
    await changeJourneyStage(handle.db, { ticketId: t.id, version: t.version, journeyStage: 'usage', actor: actor() });
    const before = (await eventsOf(t.id)).length;
    const stale = changeJourneyStage(handle.db, { ticketId: t.id, version: t.version, journeyStage: 'renewal', actor: actor() });
    await expect(stale).rejects.toMatchObject({
      code: 'conflict',
      message: 'Agnes Agent changed the journey stage to Usage; your change was not saved.',
      details: { current: expect.objectContaining({ journey_stage: 'usage', version: t.version + 1 }), changedBy: 'Agnes Agent' },
    });
    // Another field's edit on the same stale version names what it is now, and what changed.
    await expect(changePriority(handle.db, { ticketId: t.id, version: t.version, priority: 'urgent', actor: actor() })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Agnes Agent changed this ticket meanwhile; the priority is now Normal. Your change was not saved.',
    });
    const [row] = await handle.db.select().from(tickets).where(eq(tickets.id, t.id));
    expect(row).toMatchObject({ journeyStage: 'usage', priority: 'normal', version: t.version + 1 });
    expect((await eventsOf(t.id)).length).toBe(before);
  });

  it('several fields in one edit: one transaction, one event per field, one version bump; a bad field undoes all', async () => {
    const t = await open('Many fields');
    const edited = await editTicketFields(handle.db, {
      ticketId: t.id,
      version: t.version,
      actor: actor(),
      changes: { status: 'pending', priority: 'high', assigneeId: people.agent.id, journeyStage: 'usage', touchpoint: 'mobile_app', tags: ['app_bug'] },
    });
    expect(edited).toMatchObject({ status: 'pending', priority: 'high', assigneeId: people.agent.id, journeyStage: 'usage', touchpoint: 'mobile_app', version: t.version + 1 });
    expect((await eventsOf(t.id)).map((e) => e.type)).toEqual(['created', 'message', 'status', 'priority', 'assignment', 'journey_stage', 'touchpoint', 'tags']);

    const bad = editTicketFields(handle.db, { ticketId: t.id, version: edited.version, actor: actor(), changes: { priority: 'low', touchpoint: 'nowhere' } });
    await expect(bad).rejects.toMatchObject({ code: 'invalid' });
    const [row] = await handle.db.select().from(tickets).where(eq(tickets.id, t.id));
    expect(row).toMatchObject({ priority: 'high', version: edited.version });
    await expect(editTicketFields(handle.db, { ticketId: t.id, version: edited.version, actor: actor(), changes: { assigneeId: 999_999 } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(editTicketFields(handle.db, { ticketId: 999_999, version: 1, actor: actor(), changes: { priority: 'low' } })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe(`taxonomy admin (${describeDb})`, () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  it('adds with a unique slug key, renames without touching the key, reorders with up/down', async () => {
    await addTaxonomyEntry(handle.db, { kind: 'journey_stage', key: 'advocacy', label: 'Advocacy', description: 'Recommending us', portalLabel: 'Telling others' });
    await expect(addTaxonomyEntry(handle.db, { kind: 'journey_stage', key: 'advocacy', label: 'Again', description: '' })).rejects.toMatchObject({
      code: 'invalid',
      details: { fieldErrors: { key: ['That key is already used'] } },
    });
    let { stages } = await listTaxonomy(handle.db);
    expect(stages.at(-1)).toMatchObject({ key: 'advocacy', label: 'Advocacy', retired: false });

    await updateTaxonomyEntry(handle.db, { kind: 'journey_stage', key: 'advocacy', label: 'Loyalty', description: 'Staying and recommending' });
    await moveTaxonomyEntry(handle.db, { kind: 'journey_stage', key: 'advocacy', direction: 'up' });
    ({ stages } = await listTaxonomy(handle.db));
    expect(stages.map((s) => s.key).slice(-2)).toEqual(['advocacy', 'renewal']);
    expect(stages.find((s) => s.key === 'advocacy')).toMatchObject({ label: 'Loyalty', description: 'Staying and recommending' });
    // The first entry cannot move further up; nothing changes.
    await moveTaxonomyEntry(handle.db, { kind: 'journey_stage', key: 'awareness', direction: 'up' });
    expect((await listTaxonomy(handle.db)).stages[0].key).toBe('awareness');
    // A key that does not exist is a not_found, never a new row: keys are not renamed by update.
    await expect(updateTaxonomyEntry(handle.db, { kind: 'journey_stage', key: 'advocacy_new', label: 'X', description: '' })).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await handle.db.select().from(journeyStages).where(eq(journeyStages.key, 'advocacy'));
    expect(row.label).toBe('Loyalty');
  });

  it('tags live in groups: an admin adds a group and a tag in it; moves stay inside the group', async () => {
    await addTaxonomyEntry(handle.db, { kind: 'tag_group', key: 'channel_issue', label: 'Channel issue', description: '' });
    await addTaxonomyEntry(handle.db, { kind: 'tag', key: 'dropped_call', label: 'Dropped call', description: '', group: 'channel_issue' });
    await expect(addTaxonomyEntry(handle.db, { kind: 'tag', key: 'lost', label: 'Lost', description: '', group: 'nope' })).rejects.toMatchObject({ code: 'invalid' });
    const { groups, tags } = await listTaxonomy(handle.db);
    expect(groups.map((g) => g.key)).toEqual(['pain_point', 'driver', 'sentiment', 'imported', 'channel_issue']);
    expect(tags.find((t) => t.key === 'dropped_call')).toMatchObject({ group: 'channel_issue' });

    // "price" is the first driver: moving it up must not jump into the pain points.
    await moveTaxonomyEntry(handle.db, { kind: 'tag', key: 'price', direction: 'up' });
    const drivers = (await listTaxonomy(handle.db)).tags.filter((t) => t.group === 'driver').map((t) => t.key);
    expect(drivers[0]).toBe('price');
    await moveTaxonomyEntry(handle.db, { kind: 'tag', key: 'price', direction: 'down' });
    const after = (await listTaxonomy(handle.db)).tags;
    expect(after.filter((t) => t.group === 'driver').map((t) => t.key).slice(0, 2)).toEqual(['product_quality', 'price']);
    expect(after.filter((t) => t.group === 'pain_point').at(-1)?.key).toBe('repeat_contact');
  });
});
