import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { postgresHandle, rowsOf, type Db, type DbHandle } from '@/db/client';
import { tickets } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { rollupDrift } from '@/server/queries/metrics/aggregate';
import { rateTicket } from '@/server/services/csat';
import { findOrCreateCustomer } from '@/server/services/customers';
import { importTickets } from '@/server/services/import';
import { mergeTickets } from '@/server/services/merge';
import { replyAsAccount, submitAccountRequest } from '@/server/services/portal-requests';
import { rebuildMetrics } from '@/server/services/rebuild-metrics';
import { foldMetricRollup } from '@/server/services/rollup-fold';
import { createStaffUser } from '@/server/services/staff';
import { editTicketFields } from '@/server/services/ticket-edit';
import { assignTicket, changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import { addTags } from '@/server/services/ticket-tags';
import type { TicketRow } from '@/server/services/ticket-write';
import { createTestDb, requiresPostgres, type TestDbHandle } from '../helpers/db';

/** The figure is 60 s; TP_STRESS_SECONDS shortens it for a quick local run. */
const SECONDS = Number(process.env.TP_STRESS_SECONDS) || 60;
const STAGES = ['awareness', 'consideration', 'purchase', 'onboarding', 'usage', 'renewal'];
const TOUCHPOINTS = ['website', 'mobile_app', 'store', 'contact_center', 'email', 'chat', 'billing'];
const TAGS = ['wait_time', 'billing_error', 'wrong_item', 'price', 'speed', 'negative'];
const STATUSES = ['open', 'pending', 'on_hold', 'solved'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

/** Refusals a person gets and acts on (a stale version, a closed ticket, a rating before the solve). */
const EXPECTED_CODES = new Set(['conflict', 'ticket_closed', 'invalid']);

/**
 * The reliability probe's load on real Postgres: 20 writers on 20 tickets and 5 on one shared ticket, beside
 * portal submissions, merges, bulk edits and imports for the same customers, while the worker's fold and
 * `metrics:rebuild` run.
 * Every kind of write, for 60 s: no write may fail for contention (no deadlock, no serialization failure,
 * nothing but the refusals above), and afterwards the rollup and every ticket's facts equal a fresh
 * computation from the tickets and their events.
 */
describe.runIf(requiresPostgres)(`${SECONDS} s of concurrent writes of every kind (postgres)`, () => {
  let handle: TestDbHandle;
  let wide: DbHandle;
  let db: Db;
  const unexpected: string[] = [];
  const counts = new Map<string, number>();

  beforeAll(async () => {
    handle = await createTestDb();
    wide = postgresHandle(handle.url!, { max: 40 }); // one connection per writer, as several app processes would have
    db = wide.db;
  });
  afterAll(async () => {
    await wide?.close();
    await handle.close();
  });

  /** Runs one write; counts it, and records anything but an expected refusal. */
  async function attempt(kind: string, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    } catch (error) {
      if (error instanceof ServiceError && EXPECTED_CODES.has(error.code)) return;
      unexpected.push(`${kind}: ${(error as Error).message} ${JSON.stringify((error as { cause?: { code?: string } }).cause?.code ?? '')}`);
    }
  }

  it('never fails a write for contention, and leaves facts and rollup equal to a fresh computation', { timeout: (SECONDS + 240) * 1000 }, async () => {
    const agents = await Promise.all(
      [1, 2, 3].map(async (n) => (await createStaffUser(db, { email: `stress${n}@touchpoint.test`, name: `Stress ${n}`, role: 'agent', team: n === 3 ? 'Billing' : 'Support', password: null })).user),
    );
    // Ten customers, each with two of the writers' tickets, so re-contact checks cross writers.
    const customers = await Promise.all(Array.from({ length: 10 }, (_, i) => findOrCreateCustomer(db, { email: `stress-${i}@example.com`, name: `Stress ${i}` })));
    const open = (customerId: number, subject: string) => submitAccountRequest(db, customerId, { subject, body: 'It broke.', journeyStage: pick(STAGES), touchpoint: pick(TOUCHPOINTS), reference: null });
    const own: TicketRow[] = [];
    for (let i = 0; i < 20; i++) own.push(await open(customers[i % 10].id, `own ${i}`));
    const shared = await open(customers[0].id, 'shared');

    const deadline = Date.now() + SECONDS * 1000;
    const running = () => Date.now() < deadline;
    const current = async (id: number) => (await db.select().from(tickets).where(eq(tickets.id, id)))[0];
    const agent = () => pick(agents);

    /** One ticket's writer: a random mix of edits, replies, notes, customer replies and ratings. */
    async function ticketWriter(start: TicketRow): Promise<void> {
      let id = start.id;
      const customerId = start.customerId;
      while (running()) {
        const row = await current(id);
        const actor = { kind: 'agent' as const, userId: agent().id };
        const op = Math.floor(Math.random() * 9);
        if (op === 0) await attempt('edit stage+touchpoint', () => editTicketFields(db, { ticketId: id, version: row.version, actor, changes: { journeyStage: pick(STAGES), touchpoint: pick(TOUCHPOINTS) } }));
        else if (op === 1) await attempt('edit status+priority', () => editTicketFields(db, { ticketId: id, version: row.version, actor, changes: { status: pick(STATUSES), priority: pick(PRIORITIES) } }));
        else if (op === 2) await attempt('edit assignee+tags', () => editTicketFields(db, { ticketId: id, version: row.version, actor, changes: { assigneeId: actor.userId, tags: [pick(TAGS), pick(TAGS)].filter((t, i, a) => a.indexOf(t) === i) } }));
        else if (op === 3) await attempt('reply with status', () => addMessage(db, { ticketId: id, body: 'Here is the fix.', authorKind: 'agent', authorUserId: actor.userId, visibility: 'public', setStatus: pick(['solved', 'pending'] as const) }));
        else if (op === 4) await attempt('note', () => addMessage(db, { ticketId: id, body: 'Checked the logs.', authorKind: 'agent', authorUserId: actor.userId, visibility: 'internal' }));
        else if (op === 5) {
          await attempt('customer reply', async () => {
            const result = await replyAsAccount(db, customerId, id, 'Still not working.');
            if (result.followUp) id = result.followUp.id; // the ticket had closed: carry on with the follow-up
          });
        } else if (op === 6) await attempt('rating', () => rateTicket(db, { ticketId: id, customerId, score: 1 + Math.floor(Math.random() * 5) }));
        else if (op === 7) await attempt('close', () => editTicketFields(db, { ticketId: id, version: row.version, actor, changes: { status: 'closed' } }));
        else await attempt('reply', () => addMessage(db, { ticketId: id, body: 'Looking into it.', authorKind: 'agent', authorUserId: actor.userId, visibility: 'public' }));
      }
    }

    async function portalSubmitter(): Promise<void> {
      while (running()) await attempt('portal submission', () => open(pick(customers).id, 'new request'));
    }

    async function merger(): Promise<void> {
      while (running()) {
        const customer = pick(customers);
        await attempt('merge', async () => {
          const [target, duplicate] = [await open(customer.id, 'merge target'), await open(customer.id, 'merge duplicate')];
          await mergeTickets(db, { duplicateId: duplicate.id, targetId: target.id, userId: agent().id });
        });
      }
    }

    /** What the inbox's bulk action does: one service call per ticket, each in its own transaction. */
    async function bulkEditor(): Promise<void> {
      while (running()) {
        const chosen = [pick(own), pick(own), pick(own), shared];
        const actor = { kind: 'agent' as const, userId: agent().id };
        const action = Math.floor(Math.random() * 3);
        for (const t of chosen) {
          if (action === 0) await attempt('bulk status', () => changeStatus(db, { ticketId: t.id, actor, status: pick(STATUSES) }));
          else if (action === 1) await attempt('bulk assign', () => assignTicket(db, { ticketId: t.id, actor, assigneeId: agent().id }));
          else await attempt('bulk tag', () => addTags(db, { ticketId: t.id, actor, tagKeys: [pick(TAGS)] }));
        }
      }
    }

    /** History for the same customers: solved tickets whose re-contact checks meet the live ones. */
    async function importer(): Promise<void> {
      let n = 0;
      while (running()) {
        const now = Date.now();
        const records = Array.from({ length: 5 }, () => {
          const created = new Date(now - (1 + Math.random() * 5) * 86_400_000);
          const iso = (minutes: number) => new Date(created.getTime() + minutes * 60_000).toISOString();
          return {
            external_id: `stress-import-${n++}`,
            subject: 'Imported',
            customer: { email: pick(customers).email, name: 'Imported' },
            created_at: iso(0),
            created_by: 'customer',
            channel: 'email',
            priority: 'normal',
            events: [
              { type: 'message', at: iso(0), author: 'customer', visibility: 'public', body: 'Help' },
              { type: 'message', at: iso(30), author: agents[0].email, visibility: 'public', body: 'Done' },
              { type: 'status', at: iso(31), status: 'solved', by: agents[0].email },
            ],
          };
        });
        await attempt('import', async () => {
          const result = await importTickets(db, records);
          if (result.failed.length) throw new Error(`import failed: ${JSON.stringify(result.failed)}`);
        });
      }
    }

    /** `metrics:rebuild` beside the traffic: it must neither undo a live write nor count one twice. */
    async function rebuilder(): Promise<void> {
      while (running()) {
        await attempt('metrics rebuild', () => rebuildMetrics(db));
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }

    /** The worker's fold, more often than in production, so folds meet writes. */
    async function folder(): Promise<void> {
      while (running()) {
        await attempt('fold', () => foldMetricRollup(db));
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }

    await Promise.all([
      ...own.map(ticketWriter),
      ...Array.from({ length: 5 }, () => ticketWriter(shared)),
      portalSubmitter(),
      merger(),
      bulkEditor(),
      importer(),
      rebuilder(),
      folder(),
    ]);

    const writes = [...counts.values()].reduce((a, b) => a + b, 0);
    console.info(`stress: ${writes} writes in ${SECONDS} s`, Object.fromEntries(counts));
    expect(unexpected).toEqual([]);
    for (const kind of ['edit stage+touchpoint', 'edit status+priority', 'reply with status', 'note', 'customer reply', 'portal submission', 'merge', 'bulk status', 'import', 'metrics rebuild']) {
      expect(counts.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }

    expect(await rollupDrift(handle.db)).toBe(0);
    const rebuilt = await rebuildMetrics(handle.db, { dryRun: true });
    expect(rebuilt.differedIds).toEqual([]);
    await foldMetricRollup(handle.db);
    expect(await rollupDrift(handle.db)).toBe(0);
    const [{ deltas }] = rowsOf<{ deltas: number }>(await handle.db.execute(sql`select count(*)::int as deltas from metric_rollup_delta`));
    expect(deltas).toBe(0);
  });
});
