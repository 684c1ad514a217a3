/**
 * The demo plan's building blocks (see demo.ts): the seeded random helpers, the plan types, the
 * time helpers and the Timeline that records one ticket's steps. Pure: nothing here touches the database.
 */
import type { Channel, CreatedByKind, Priority } from '@/lib/domain/ticket-values';
import { CSAT_COMMENTS, PLANS, PRODUCTS, STORES, type TeamName, type Template } from './demo-text';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const AUTO_CLOSE_MS = 4 * DAY;

// ---------------------------------------------------------------------------------------------------
// Random helpers

export type Random = () => number;

export class Rng {
  constructor(readonly next: Random) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1];
  }
}

// ---------------------------------------------------------------------------------------------------
// The plan

export interface Agent {
  id: number;
  teamId: number;
  team: TeamName;
  name: string;
  first: string;
  speed: number;
  touch: number;
  mood: number;
}
export interface Customer {
  id: number;
  name: string;
  first: string;
  weight: number;
}

export type AssignActor = 'lead' | 'self' | 'system';
export type Step =
  | { kind: 'assign'; at: number; agent: Agent; by: AssignActor }
  | { kind: 'reply'; at: number; agent: Agent; body: string; setStatus?: 'pending' | 'on_hold' | 'solved' }
  | { kind: 'note'; at: number; agent: Agent; body: string }
  | { kind: 'customer'; at: number; body: string }
  | { kind: 'status'; at: number; status: 'solved' | 'closed' | 'open'; agent: Agent | null }
  | { kind: 'priority'; at: number; priority: Priority; agent: Agent }
  | { kind: 'csat'; at: number; score: number; comment: string }
  | { kind: 'followUp'; at: number; body: string; steps: Step[] };

export interface Plan {
  at: number;
  customer: Customer;
  createdByKind: CreatedByKind;
  creator: Agent | null;
  channel: Channel;
  priority: Priority;
  template: Template;
  subject: string;
  body: string;
  steps: Step[];
  firstSolvedAt: number | null;
}

export interface World {
  rng: Rng;
  now: number;
  leadId: number;
  agents: Agent[];
  customers: Customer[];
}

export const firstName = (name: string) => name.split(' ')[0];

export function fill(text: string, vars: Record<string, string>): string {
  const filled = text.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

export function varsFor(rng: Rng, customer: Customer): Record<string, string> {
  return {
    order: String(rng.int(2104000, 2199999)),
    product: rng.pick(PRODUCTS),
    plan: rng.pick(PLANS),
    amount: `$${rng.int(12, 480)}.${String(rng.int(0, 99)).padStart(2, '0')}`,
    store: rng.pick(STORES),
    last4: String(rng.int(1000, 9999)),
    n: String(rng.int(1000, 9999)),
    first: customer.first,
  };
}

const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/**
 * When a staff action really happens: the team covers weekdays 07:00–22:00 UTC and, with a smaller
 * rota, weekends 08:00–20:00; anything else waits for the next shift (a few get picked up off hours).
 */
function workTime(rng: Rng, t: number): number {
  const d = new Date(t);
  const hour = d.getUTCHours() + d.getUTCMinutes() / 60;
  const [open, close] = isWeekend(d) ? [8, 20] : [7, 22];
  if (hour >= open && hour < close && (!isWeekend(d) || rng.chance(0.75))) return t;
  if (rng.chance(0.15)) return t;
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 7, 0));
  if (hour >= 7) next.setUTCDate(next.getUTCDate() + 1);
  if (isWeekend(next)) next.setUTCHours(8);
  return next.getTime() + rng.int(0, 90) * MIN;
}

/** Creation times: weekdays and business hours are busier. */
export function sampleCreatedAt(rng: Rng, from: number, to: number): number {
  for (;;) {
    const t = from + rng.next() * (to - from);
    const d = new Date(t);
    const dow = d.getUTCDay();
    const hour = d.getUTCHours();
    let w = dow === 0 || dow === 6 ? 0.35 : 1;
    w *= hour >= 8 && hour < 18 ? 1 : hour >= 6 && hour < 22 ? 0.35 : 0.08;
    if (rng.chance(w)) return t;
  }
}

export function pickPriority(rng: Rng, template: Template): Priority {
  const r = rng.next();
  const urgent = template.urgent ? 0.08 : 0.025;
  if (r < urgent) return 'urgent';
  if (r < urgent + 0.14) return 'high';
  if (r < urgent + 0.28) return 'low';
  return 'normal';
}

export function pickChannel(rng: Rng, template: Template): Channel {
  if (template.channel && rng.chance(0.65)) return template.channel;
  return rng.weighted<[Channel, number]>(
    [['portal', 38], ['email', 30], ['chat', 14], ['phone', 8], ['social', 10]],
    ([, w]) => w,
  )[0];
}

/** How long the first agent reply takes, before business hours are applied. */
export function responseDelay(rng: Rng, priority: Priority, channel: Channel, agent: Agent): number {
  let ms: number;
  if (channel === 'chat') ms = rng.between(2, 25) * MIN;
  else if (priority === 'urgent') ms = rng.between(5, 50) * MIN;
  else if (priority === 'high') ms = rng.between(15, 150) * MIN;
  else if (priority === 'low') ms = rng.between(1, 26) * HOUR;
  else ms = rng.chance(0.07) ? rng.between(5, 12) * HOUR : rng.between(10, 160) * MIN;
  return ms * agent.speed;
}

export function agentsOf(world: World, team: TeamName): Agent[] {
  return world.agents.filter((a) => a.team === team);
}

export function signOff(agent: Agent): string {
  return `\n\n${agent.first}\n${agent.team} team`;
}

export function csatScore(rng: Rng, agent: Agent, rough: boolean): number {
  const good = rough ? 0.6 : 0.88 + agent.mood;
  if (rng.chance(good)) return rng.chance(0.62) ? 5 : 4;
  return rng.weighted<[number, number]>([[3, 4], [2, 3], [1, 3]], ([, w]) => w)[0];
}

export function csatComment(rng: Rng, score: number): string {
  return rng.chance(0.35) ? '' : rng.pick(CSAT_COMMENTS[score]);
}

/**
 * Builds one ticket's timeline. `t` moves forward through the steps; steps after `now` are dropped
 * later, at write time, so every ticket is a valid prefix of a full story.
 */
export class Timeline {
  readonly steps: Step[] = [];
  firstSolvedAt: number | null = null;
  lastSolvedAt: number | null = null;
  rough = false;
  /** Staff act mostly in business hours; scripted timelines turn this off to stay exact. */
  workHours = true;

  constructor(
    private readonly world: World,
    public t: number,
  ) {}

  private advance(ms: number, work: boolean): number {
    const next = this.t + Math.max(ms, MIN);
    this.t = work && this.workHours ? Math.max(workTime(this.world.rng, next), this.t + MIN) : next;
    return this.t;
  }

  assign(agent: Agent, delayMs: number, by: AssignActor): void {
    this.steps.push({ kind: 'assign', at: this.advance(delayMs, by !== 'system'), agent, by });
  }
  reply(agent: Agent, delayMs: number, body: string, setStatus?: 'pending' | 'on_hold' | 'solved'): void {
    const at = this.advance(delayMs, true);
    this.steps.push({ kind: 'reply', at, agent, body: body + signOff(agent), setStatus });
    if (setStatus === 'solved') this.solved(at);
  }
  note(agent: Agent, delayMs: number, body: string): void {
    this.steps.push({ kind: 'note', at: this.advance(delayMs, true), agent, body });
  }
  customer(delayMs: number, body: string): void {
    const at = this.advance(delayMs, false);
    this.lastSolvedAt = null; // a customer message on a solved ticket reopens it
    this.steps.push({ kind: 'customer', at, body });
  }
  status(status: 'solved' | 'closed', agent: Agent | null, delayMs: number): void {
    const at = this.advance(delayMs, agent !== null);
    this.steps.push({ kind: 'status', at, status, agent });
    if (status === 'solved') this.solved(at);
  }
  priority(agent: Agent, priority: Priority, delayMs: number): void {
    this.steps.push({ kind: 'priority', at: this.advance(delayMs, true), priority, agent });
  }
  csat(delayMs: number, score: number, comment: string): void {
    this.steps.push({ kind: 'csat', at: this.advance(delayMs, false), score, comment });
  }
  private solved(at: number): void {
    this.firstSolvedAt ??= at;
    this.lastSolvedAt = at;
  }
}
