import { asc, count, eq, gt, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csatRatings, customers, journeyStages, messages, ticketEvents, tickets, teams, touchpoints, users } from '@/db/schema';
import { CHANNELS } from '@/lib/domain/ticket-values';
import { verifyPassword } from '@/server/services/passwords';
import { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemo } from '@/server/seed/demo';
import { createTestDb, describeDb, type TestDbHandle } from './helpers/db';

const NOW = new Date('2026-06-15T12:00:00Z');

describe(`demo seed (${describeDb})`, () => {
  let handle: TestDbHandle;
  let result: { tickets: number; customers: number };
  let rows: (typeof tickets.$inferSelect)[];

  beforeAll(async () => {
    handle = await createTestDb();
    result = await seedDemo(handle.db, { now: NOW });
    rows = await handle.db.select().from(tickets);
  }, 180_000);

  afterAll(async () => {
    await handle?.close();
  });

  it('creates the three teams and eight staff users with the demo password', async () => {
    const teamRows = await handle.db.select({ name: teams.name }).from(teams);
    expect(teamRows.map((t) => t.name).sort()).toEqual(['Billing', 'Logistics', 'Support']);

    const staff = await handle.db.select().from(users);
    expect(staff).toHaveLength(8);
    const byRole = (role: string) => staff.filter((u) => u.role === role);
    expect(byRole('admin')).toHaveLength(1);
    expect(byRole('lead')).toHaveLength(1);
    expect(byRole('agent')).toHaveLength(6);
    expect(byRole('agent').every((u) => u.teamId !== null)).toBe(true);

    const admin = staff.find((u) => u.email === 'admin@touchpoint.test');
    expect(admin?.passwordHash).toBeTruthy();
    expect(await verifyPassword(DEMO_PASSWORD, admin!.passwordHash!)).toBe(true);
    for (const { role, email } of DEMO_SIGN_INS.filter((s) => s.role !== 'customer')) {
      expect(staff.find((u) => u.email === email)?.role).toBe(role);
    }
  });

  it('creates 70–90 customers, with a portal password for the demo customer', async () => {
    const [{ n }] = await handle.db.select({ n: count() }).from(customers);
    expect(n).toBeGreaterThanOrEqual(70);
    expect(n).toBeLessThanOrEqual(90);
    expect(result.customers).toBe(n);
    const [casey] = await handle.db.select().from(customers).where(eq(customers.email, 'customer@touchpoint.test'));
    expect(casey?.passwordHash).toBeTruthy();
    expect(rows.some((t) => t.customerId === casey.id)).toBe(true);
  });

  it('creates 250–350 tickets and reports the count', () => {
    expect(rows.length).toBeGreaterThanOrEqual(250);
    expect(rows.length).toBeLessThanOrEqual(350);
    expect(result.tickets).toBe(rows.length);
  });

  it('covers every journey stage, touchpoint and channel', async () => {
    const stages = (await handle.db.select({ key: journeyStages.key }).from(journeyStages)).map((r) => r.key);
    const points = (await handle.db.select({ key: touchpoints.key }).from(touchpoints)).map((r) => r.key);
    expect(stages).toHaveLength(6);
    expect(points).toHaveLength(9);
    expect(new Set(rows.map((t) => t.journeyStage))).toEqual(new Set(stages));
    expect(new Set(rows.map((t) => t.touchpoint))).toEqual(new Set(points));
    expect(new Set(rows.map((t) => t.channel))).toEqual(new Set(CHANNELS));
  });

  it('has a realistic mix of creators, statuses and priorities', () => {
    const share = (pred: (t: (typeof rows)[number]) => boolean) => rows.filter(pred).length / rows.length;
    expect(share((t) => t.createdByKind === 'customer')).toBeGreaterThan(0.75);
    expect(share((t) => t.createdByKind === 'api')).toBeGreaterThan(0.01);
    expect(share((t) => t.createdByKind === 'agent')).toBeGreaterThan(0.04);
    expect(share((t) => t.status === 'solved' || t.status === 'closed')).toBeGreaterThan(0.6);
    expect(share((t) => t.status === 'solved' || t.status === 'closed')).toBeLessThan(0.85);
    expect(share((t) => t.priority === 'normal')).toBeGreaterThan(0.5);
    expect(rows.some((t) => t.priority === 'urgent')).toBe(true);
    // Fresh work in the inbox: new tickets without any reply.
    expect(rows.filter((t) => t.status === 'new' && t.agentReplyCount === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('records reopens, re-contacts, solves without reply and both FCR outcomes', () => {
    expect(rows.some((t) => t.reopenCount > 0)).toBe(true);
    expect(rows.some((t) => t.recontactTicketId !== null)).toBe(true);
    const solvedWithoutReply = rows.filter((t) => t.firstSolvedAt !== null && t.repliesBeforeFirstSolve === 0);
    expect(solvedWithoutReply.length).toBeGreaterThan(0);
    expect(solvedWithoutReply.every((t) => t.fcr === null)).toBe(true);
    expect(rows.some((t) => t.fcr === true)).toBe(true);
    expect(rows.some((t) => t.fcr === false)).toBe(true);
    expect(rows.some((t) => t.followUpOfId !== null)).toBe(true);
  });

  it('rates some solved tickets, mostly positively, some more than once', async () => {
    const ratings = await handle.db.select().from(csatRatings);
    const rated = rows.filter((t) => t.latestCsatScore !== null);
    expect(rated.length).toBeGreaterThan(0.25 * rows.filter((t) => t.firstSolvedAt !== null).length);
    expect(rated.filter((t) => t.latestCsatScore! >= 4).length / rated.length).toBeGreaterThan(0.6);
    expect(ratings.length).toBeGreaterThan(rated.length);
  });

  it('writes nothing after now', async () => {
    const [events] = await handle.db.select({ n: count() }).from(ticketEvents).where(gt(ticketEvents.at, NOW));
    const [msgs] = await handle.db.select({ n: count() }).from(messages).where(gt(messages.createdAt, NOW));
    const [csat] = await handle.db.select({ n: count() }).from(csatRatings).where(gt(csatRatings.createdAt, NOW));
    expect([events.n, msgs.n, csat.n]).toEqual([0, 0, 0]);
    expect(rows.every((t) => t.createdAt <= NOW && t.createdAt >= new Date(NOW.getTime() - 61 * 86_400_000))).toBe(true);
    const solved = rows.filter((t) => t.firstSolvedAt !== null);
    expect(solved.every((t) => t.firstSolvedAt! <= NOW && t.firstSolvedAt! >= t.createdAt)).toBe(true);
  });

  it("starts every ticket's history with its 'created' event", async () => {
    const events = await handle.db
      .select({ ticketId: ticketEvents.ticketId, type: ticketEvents.type })
      .from(ticketEvents)
      .orderBy(asc(ticketEvents.ticketId), asc(ticketEvents.at), asc(ticketEvents.id));
    const first = new Map<number, string>();
    for (const e of events) if (!first.has(e.ticketId)) first.set(e.ticketId, e.type);
    expect(first.size).toBe(rows.length);
    expect([...first.values()].every((type) => type === 'created')).toBe(true);
    const created = events.filter((e) => e.type === 'created');
    expect(created).toHaveLength(rows.length);
  });

  it('assigns worked tickets to an agent of their team', async () => {
    const agents = await handle.db.select({ id: users.id, teamId: users.teamId }).from(users).where(isNotNull(users.teamId));
    const teamOf = new Map(agents.map((a) => [a.id, a.teamId]));
    const assigned = rows.filter((t) => t.assigneeId !== null);
    expect(assigned.length).toBeGreaterThan(0.9 * rows.length);
    expect(assigned.every((t) => teamOf.get(t.assigneeId!) === t.teamId)).toBe(true);
  });
});

describe('metrics:rebuild on the demo data', () => {
  it('recomputes every fact from ticket_events alone and finds 0 differences, in the facts and in the metric rollup', async () => {
    const handle = await createTestDb();
    try {
      await seedDemo(handle.db, { now: new Date('2026-06-15T12:00:00Z') });
      const { rebuildMetrics } = await import('@/server/services/rebuild-metrics');
      const result = await rebuildMetrics(handle.db, { dryRun: true });
      expect(result.tickets).toBeGreaterThan(250);
      expect(result.differedIds).toEqual([]);
      expect(result.rollupRowsDiffered).toBe(0);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
