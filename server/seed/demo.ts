/**
 * Demo data: teams, staff, customers and ~300 tickets over the last 60 days.
 *
 * Everything goes through the services with explicit past timestamps, so the metric facts (FRT, FCR,
 * reopens, re-contacts, CSAT, SLA) are exactly what the live app would have recorded. The data is
 * deterministic for a given `now` (a seeded PRNG), so reruns give the same data relative to `now`.
 *
 * The seed first builds a plan (pure, in memory), then writes it ticket by ticket in creation order.
 * Steps after `now` are dropped, which leaves recent tickets mid-flight, as in a real inbox.
 */
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Channel, CreatedByKind } from '@/lib/domain/ticket-values';
import { ServiceError } from '@/lib/errors';
import { rateTicket } from '@/server/services/csat';
import { findOrCreateCustomer, signUpCustomer } from '@/server/services/customers';
import { createStaffUser, findOrCreateTeam } from '@/server/services/staff';
import { assignTicket, changePriority, changeStatus } from '@/server/services/ticket-fields';
import { addMessage } from '@/server/services/ticket-messages';
import type { EventActor } from '@/server/services/ticket-write';
import { createTicket } from '@/server/services/tickets-create';
import { caseyPlans, customerIdentities, planTicket, recontactPlan } from './demo-plan';
import { AGENTS, TEAMS, type TeamName } from './demo-text';
import { DAY, MIN, Rng, firstName, sampleCreatedAt, type Agent, type Customer, type Plan, type Random, type Step, type World } from './demo-timeline';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_SIGN_INS: ReadonlyArray<{ role: 'admin' | 'lead' | 'agent' | 'customer'; email: string }> = [
  { role: 'admin', email: 'admin@touchpoint.test' },
  { role: 'lead', email: 'lead@touchpoint.test' },
  { role: 'agent', email: 'agent1@touchpoint.test' },
  { role: 'customer', email: 'customer@touchpoint.test' },
];

export type { Random } from './demo-timeline';

/** mulberry32: a tiny, good-enough seeded PRNG. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_SEED = 20260615;

const CUSTOMER_SPACING_MS = 11 * DAY;

// ---------------------------------------------------------------------------------------------------
// Writing

async function runSteps(db: Db, world: World, plan: { customer: Customer; channel: Channel }, ticketId: number, steps: Step[]): Promise<number> {
  let created = 0;
  const agentActor = (agent: Agent): EventActor => ({ kind: 'agent', userId: agent.id });
  for (const step of steps) {
    if (step.at > world.now) break; // steps are in time order: the rest is in the future
    const at = new Date(step.at);
    switch (step.kind) {
      case 'assign': {
        const actor: EventActor =
          step.by === 'system' ? { kind: 'system' } : { kind: 'agent', userId: step.by === 'lead' ? world.leadId : step.agent.id };
        await assignTicket(db, { ticketId, assigneeId: step.agent.id, teamId: step.agent.teamId, actor, at });
        break;
      }
      case 'reply':
        await addMessage(db, {
          ticketId, body: step.body, authorKind: 'agent', authorUserId: step.agent.id, visibility: 'public',
          channel: plan.channel, setStatus: step.setStatus, at, notify: false,
        });
        break;
      case 'note':
        await addMessage(db, { ticketId, body: step.body, authorKind: 'agent', authorUserId: step.agent.id, visibility: 'internal', at });
        break;
      case 'customer':
        await addMessage(db, {
          ticketId, body: step.body, authorKind: 'customer', authorCustomerId: plan.customer.id, visibility: 'public', channel: plan.channel, at,
        });
        break;
      case 'status':
        await changeStatus(db, { ticketId, status: step.status, actor: step.agent ? agentActor(step.agent) : { kind: 'system' }, at, notify: false });
        break;
      case 'priority':
        await changePriority(db, { ticketId, priority: step.priority, actor: agentActor(step.agent), at });
        break;
      case 'csat':
        await rateTicket(db, { ticketId, customerId: plan.customer.id, score: step.score, comment: step.comment || undefined, at });
        break;
      case 'followUp': {
        const result = await addMessage(db, {
          ticketId, body: step.body, authorKind: 'customer', authorCustomerId: plan.customer.id, visibility: 'public', channel: plan.channel, at,
        });
        if (!result.followUp) throw new Error(`demo seed: ticket ${ticketId} was expected to be closed`);
        created += 1 + (await runSteps(db, world, plan, result.followUp.id, step.steps));
        break;
      }
    }
  }
  return created;
}

async function writePlan(db: Db, world: World, plan: Plan): Promise<number> {
  const ticket = await createTicket(db, {
    subject: plan.subject,
    body: plan.body,
    customerId: plan.customer.id,
    createdByKind: plan.createdByKind,
    createdByUserId: plan.creator?.id ?? null,
    channel: plan.channel,
    priority: plan.priority,
    journeyStage: plan.template.stage,
    touchpoint: plan.template.touchpoint,
    assigneeId: plan.creator?.id ?? null,
    teamId: plan.creator?.teamId ?? null,
    at: new Date(plan.at),
  });
  return 1 + (await runSteps(db, world, plan, ticket.id, plan.steps));
}

export interface SeedDemoOptions {
  now?: Date;
  /** A PRNG returning [0, 1); defaults to mulberry32 with a fixed seed. */
  random?: Random;
}

/** Writes the demo workspace. Expects an empty database (staff emails are unique). */
export async function seedDemo(db: Db, { now = new Date(), random = mulberry32(DEMO_SEED) }: SeedDemoOptions = {}): Promise<{
  tickets: number;
  customers: number;
}> {
  const rng = new Rng(random);
  const nowMs = now.getTime();

  // The admin first, as the claim: on a shared Postgres, a second booting process fails here and stops.
  try {
    await createStaffUser(db, { email: 'admin@touchpoint.test', name: 'Ada Admin', role: 'admin', password: DEMO_PASSWORD });
  } catch (error) {
    if ((error instanceof ServiceError && error.code === 'conflict') || isUniqueViolation(error)) throw new DemoAlreadySeededError();
    throw error;
  }
  const teamIds = new Map<TeamName, number>();
  for (const name of TEAMS) teamIds.set(name, (await findOrCreateTeam(db, name)).id);
  const { user: lead } = await createStaffUser(db, {
    email: 'lead@touchpoint.test', name: 'Lee Lead', role: 'lead', team: 'Support', password: DEMO_PASSWORD,
  });
  const agents: Agent[] = [];
  for (const a of AGENTS) {
    const { user } = await createStaffUser(db, { email: a.email, name: a.name, role: 'agent', team: a.team, password: DEMO_PASSWORD });
    agents.push({ id: user.id, teamId: teamIds.get(a.team)!, team: a.team, name: a.name, first: firstName(a.name), speed: a.speed, touch: a.touch, mood: a.mood });
  }

  const caseyRow = await signUpCustomer(db, { name: 'Casey Customer', email: 'customer@touchpoint.test', password: DEMO_PASSWORD });
  const casey: Customer = { id: caseyRow.id, name: caseyRow.name, first: 'Casey', weight: 0 };
  const customers: Customer[] = [];
  for (const identity of customerIdentities(rng, 79)) {
    const row = await findOrCreateCustomer(db, identity);
    // A few regulars write more often than most.
    const weight = rng.chance(0.15) ? rng.between(1.5, 2.5) : rng.between(0.5, 1.5);
    customers.push({ id: row.id, name: row.name, first: firstName(row.name), weight });
  }

  const world: World = { rng, now: nowMs, leadId: lead.id, agents, customers };
  const from = nowMs - 60 * DAY;
  const plans: Plan[] = [];
  const ticketTimes = new Map<number, number[]>(customers.map((c) => [c.id, []]));
  for (let i = 0; i < 262; i++) {
    const at = sampleCreatedAt(rng, from, nowMs - 30 * MIN);
    const kind: CreatedByKind = rng.weighted<[CreatedByKind, number]>([['customer', 85], ['api', 5], ['agent', 10]], ([, w]) => w)[0];
    // With only 80 customers, spread each one's tickets out, or nearly every solve would be re-contacted;
    // the deliberate re-contacts come below.
    const spaced = customers.filter((c) => ticketTimes.get(c.id)!.every((t) => Math.abs(t - at) > CUSTOMER_SPACING_MS));
    const customer = rng.weighted(spaced.length > 0 ? spaced : customers, (c) => c.weight);
    ticketTimes.get(customer.id)!.push(at);
    plans.push(planTicket(world, at, customer, kind));
  }
  for (const earlier of [...plans]) {
    if (earlier.firstSolvedAt === null || earlier.createdByKind === 'agent' || !rng.chance(0.1)) continue;
    const later = recontactPlan(world, earlier);
    if (later) plans.push(later);
  }
  for (let i = 0; i < 7; i++) {
    const at = nowMs - rng.between(15, 20 * 60) * MIN;
    plans.push(planTicket(world, at, rng.weighted(customers, (c) => c.weight), 'customer', { fresh: true }));
  }
  plans.push(...caseyPlans(world, casey));
  plans.sort((a, b) => a.at - b.at);

  let tickets = 0;
  for (const plan of plans) tickets += await writePlan(db, world, plan);
  return { tickets, customers: customers.length + 1 };
}

/** The demo admin already exists: someone else seeded (or is seeding) this database. */
export class DemoAlreadySeededError extends Error {
  constructor() {
    super('The demo data is already there (admin@touchpoint.test exists).');
    this.name = 'DemoAlreadySeededError';
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Seeds the demo data when no staff user exists yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(db: Db, options: SeedDemoOptions = {}): Promise<boolean> {
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) return false;
  try {
    await seedDemo(db, options);
    return true;
  } catch (error) {
    if (error instanceof DemoAlreadySeededError) return false; // another process got there between our check and insert
    throw error;
  }
}
