/**
 * The demo plan (see demo.ts): each ticket's story, built in memory from the seeded PRNG.
 * Pure: demo.ts writes the plans through the services.
 */
import type { Channel, CreatedByKind, Priority } from '@/lib/domain/ticket-values';
import {
  CUSTOMER_REPLIES, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, NEVER_MIND, NOTES, RECONTACT_LINES, REOPEN_MESSAGES, STILL_CHECKING,
  TEMPLATES, type TeamName, type Template,
} from './demo-text';
import {
  AUTO_CLOSE_MS, DAY, HOUR, MIN, Timeline, agentsOf, csatComment, csatScore, fill, pickChannel, pickPriority, responseDelay,
  signOff, varsFor, type Agent, type AssignActor, type Customer, type Plan, type Rng, type World,
} from './demo-timeline';

interface Story {
  agent: Agent;
  vars: Record<string, string>;
  template: Template;
  priority: Priority;
  channel: Channel;
  /** For a ticket opened by an agent: the clock starts at the customer's first message. */
  agentOpened: boolean;
}

/** Rounds of agent reply ⇄ customer reply until solved or stalled. */
function workUntilSolved(world: World, tl: Timeline, s: Story, firstDelayMs: number): void {
  const { rng } = world;
  const { agent, vars, template } = s;
  let delay = firstDelayMs;
  if (delay > 8 * HOUR) tl.rough = true;
  for (let round = 1; round <= 4; round++) {
    tl.workHours = !(round === 1 && s.priority === 'urgent'); // urgent tickets page the on-call agent
    const solveChance = round === 1 ? agent.touch : round === 2 ? 0.6 : 0.85;
    if (round === 4 || rng.chance(solveChance)) {
      tl.reply(agent, delay, `Hi ${vars.first},\n\n${fill(rng.pick(template.fixes), vars)}`, 'solved');
      return;
    }
    if (round > 1) tl.rough = true;
    const ask = round === 1 ? fill(template.ask, vars) : fill(rng.pick(STILL_CHECKING), { ...vars, team: agent.team });
    const waitOn = agent.team === 'Logistics' && round > 1 && rng.chance(0.3) ? 'on_hold' : rng.chance(0.8) ? 'pending' : undefined;
    tl.reply(agent, delay, `Hi ${vars.first},\n\nThanks for getting in touch. ${ask}`, waitOn);
    tl.workHours = true;
    if (rng.chance(0.4)) {
      // The customer never answers: the agent closes the loop a few days later, or it stays waiting.
      if (rng.chance(0.15)) tl.status('solved', agent, rng.between(3, 5) * DAY);
      return;
    }
    tl.customer(rng.between(0.3, 30) * HOUR, fill(rng.pick(CUSTOMER_REPLIES), vars));
    if (rng.chance(0.1)) return; // stuck: waiting on the agent
    if (rng.chance(0.05) && s.priority !== 'urgent') {
      s.priority = s.priority === 'high' ? 'urgent' : 'high';
      tl.priority(agent, s.priority, rng.between(5, 40) * MIN);
    }
    if (rng.chance(0.12)) tl.note(agent, rng.between(10, 120) * MIN, fill(rng.pick(NOTES), vars));
    delay = rng.between(20, 360) * MIN * agent.speed;
  }
}

/** After the solve: maybe a rating, maybe a reopen (then a second solve and rating), then auto-close. */
function afterSolve(world: World, tl: Timeline, s: Story): void {
  const { rng } = world;
  if (tl.lastSolvedAt === null) return;
  const rated = rng.chance(0.4);
  const reopen = rng.chance(0.1);
  if (reopen) {
    if (rated && rng.chance(0.5)) {
      const unhappy = rng.pick([1, 2, 3]);
      tl.csat(rng.between(10, 180) * MIN, unhappy, csatComment(rng, unhappy));
    }
    tl.customer(rng.between(2, 60) * HOUR, rng.pick(REOPEN_MESSAGES));
    tl.rough = true;
    if (rng.chance(0.3)) tl.note(s.agent, rng.between(10, 90) * MIN, fill(rng.pick(NOTES), s.vars));
    tl.reply(s.agent, rng.between(30, 300) * MIN * s.agent.speed, `Hi ${s.vars.first},\n\nSorry this came back. ${fill(rng.pick(s.template.fixes), s.vars)}`, 'solved');
  }
  const solvedAt = tl.lastSolvedAt!;
  if (rated) {
    const score = csatScore(rng, s.agent, tl.rough);
    tl.csat(rng.between(10, 48 * 60) * MIN, score, csatComment(rng, score));
    if (rng.chance(0.08)) {
      // Changed their mind: only the latest rating counts.
      const second = Math.min(5, score + 1);
      tl.csat(rng.between(1, 20) * HOUR, second, csatComment(rng, second));
    }
  }
  // Auto-close after four days without a public message (the csat steps stay well inside that).
  tl.t = Math.max(tl.t, solvedAt + AUTO_CLOSE_MS);
  tl.status('closed', null, rng.between(5, 90) * MIN);
  if (rng.chance(0.025)) {
    const closedAt = tl.t;
    const at = closedAt + rng.between(1, 10) * DAY;
    const followUp = new Timeline(world, at);
    const agent = rng.pick(agentsOf(world, s.agent.team));
    followUp.assign(agent, rng.between(3, 40) * MIN, 'system');
    followUp.reply(agent, responseDelay(rng, s.priority, s.channel, agent), `Hi ${s.vars.first},\n\n${fill(rng.pick(s.template.fixes), s.vars)}`, 'solved');
    tl.steps.push({ kind: 'followUp', at, body: rng.pick(REOPEN_MESSAGES), steps: followUp.steps });
  }
}

export function planTicket(
  world: World,
  at: number,
  customer: Customer,
  kind: CreatedByKind,
  opts: { template?: Template; subject?: string; body?: string; fresh?: boolean } = {},
): Plan {
  const { rng } = world;
  const template =
    opts.template ?? rng.weighted(TEMPLATES.filter((t) => (kind === 'api' ? t.api : !t.api)), (t) => t.weight);
  const vars = varsFor(rng, customer);
  const agent = rng.pick(agentsOf(world, template.team));
  const channel: Channel = kind === 'api' ? 'api' : kind === 'agent' ? rng.pick<Channel>(['phone', 'phone', 'email', 'chat']) : pickChannel(rng, template);
  const priority = pickPriority(rng, template);
  const subject = opts.subject ?? fill(rng.pick(template.subjects), vars);
  let body = opts.body ?? fill(rng.pick(template.bodies), vars);
  if (kind === 'agent') {
    body = `Hi ${customer.first},\n\nThanks for speaking with me today. As discussed, I’ve opened this request so we can keep track of it. ${fill(template.ask, vars)}${signOff(agent)}`;
  }
  const story: Story = { agent, vars, template, priority, channel, agentOpened: kind === 'agent' };
  const tl = new Timeline(world, at);

  if (opts.fresh) {
    if (rng.chance(0.5)) tl.assign(agent, rng.between(1, 5) * MIN, 'system');
  } else if (kind === 'agent') {
    if (rng.chance(0.8)) {
      tl.customer(rng.between(1, 30) * HOUR, fill(rng.pick(CUSTOMER_REPLIES), vars));
      workUntilSolved(world, tl, story, responseDelay(rng, priority, channel, agent));
    } else if (rng.chance(0.6)) {
      tl.status('solved', agent, rng.between(2, 5) * DAY); // nothing heard back: solved without a reply
    }
  } else {
    const by: AssignActor = rng.weighted<[AssignActor, number]>([['system', 40], ['lead', 40], ['self', 20]], ([, w]) => w)[0];
    tl.assign(agent, by === 'system' ? rng.between(1, 4) * MIN : rng.between(5, 50) * MIN, by);
    if (rng.chance(0.15)) tl.note(agent, rng.between(5, 60) * MIN, fill(rng.pick(NOTES), vars));
    if (rng.chance(0.04)) {
      // The customer sorts it out alone; the agent solves the ticket without a public reply.
      tl.customer(rng.between(20, 240) * MIN, rng.pick(NEVER_MIND));
      tl.status('solved', agent, rng.between(30, 180) * MIN);
    } else if (at < world.now - 2 * DAY || rng.chance(0.7)) {
      workUntilSolved(world, tl, story, responseDelay(rng, priority, channel, agent));
    }
  }
  afterSolve(world, tl, story);

  return {
    at,
    customer,
    createdByKind: kind,
    creator: kind === 'agent' ? agent : null,
    channel,
    priority,
    template,
    subject,
    body,
    steps: tl.steps,
    firstSolvedAt: tl.firstSolvedAt,
  };
}

/** Casey's portal shows a closed rated request, a recently solved one to rate, one awaiting her, and a new one. */
export function caseyPlans(world: World, casey: Customer): Plan[] {
  const { rng, now } = world;
  const byKey = (stage: string, touchpoint: string) => TEMPLATES.find((t) => t.stage === stage && t.touchpoint === touchpoint && !t.api)!;
  const agent = (team: TeamName) => agentsOf(world, team)[0];
  const plans: Plan[] = [];
  const make = (at: number, template: Template, channel: Channel, build: (tl: Timeline, a: Agent, vars: Record<string, string>) => void) => {
    const vars = varsFor(rng, casey);
    const a = agent(template.team);
    const tl = new Timeline(world, at);
    tl.workHours = false;
    build(tl, a, vars);
    plans.push({
      at, customer: casey, createdByKind: 'customer', creator: null, channel, priority: 'normal', template,
      subject: fill(template.subjects[0], vars), body: fill(template.bodies[0], vars), steps: tl.steps, firstSolvedAt: tl.firstSolvedAt,
    });
  };
  const day = (n: number) => now - n * DAY;
  make(day(24) + 10 * HOUR, byKey('usage', 'delivery'), 'portal', (tl, a, v) => {
    tl.assign(a, 15 * MIN, 'lead');
    tl.reply(a, 70 * MIN, `Hi ${v.first},\n\nSorry to hear that. ${fill(byKey('usage', 'delivery').ask, v)}`, 'pending');
    tl.customer(3 * HOUR, 'Here you go, photo attached.');
    tl.reply(a, 40 * MIN, `Hi ${v.first},\n\n${fill(byKey('usage', 'delivery').fixes[0], v)}`, 'solved');
    tl.csat(5 * HOUR, 5, 'Quick and friendly, thank you!');
    tl.t = tl.lastSolvedAt! + AUTO_CLOSE_MS;
    tl.status('closed', null, 20 * MIN);
  });
  make(day(3), byKey('usage', 'billing'), 'portal', (tl, a, v) => {
    tl.assign(a, 10 * MIN, 'system');
    tl.t = day(1) - 2 * HOUR;
    tl.reply(a, MIN, `Hi ${v.first},\n\n${fill(byKey('usage', 'billing').fixes[0], v)}`, 'solved');
  });
  make(day(2), byKey('onboarding', 'mobile_app'), 'portal', (tl, a, v) => {
    tl.assign(a, 5 * MIN, 'system');
    tl.reply(a, 50 * MIN, `Hi ${v.first},\n\nThanks for getting in touch. ${fill(byKey('onboarding', 'mobile_app').ask, v)}`, 'pending');
  });
  make(now - 3 * HOUR, byKey('usage', 'website'), 'portal', () => {});
  return plans;
}

/** The same customer comes back 1–6 days after a solve, inside the 7-day re-contact window. */
export function recontactPlan(world: World, earlier: Plan): Plan | null {
  const { rng, now } = world;
  const at = earlier.firstSolvedAt! + rng.between(1, 6) * DAY;
  if (at > now - 10 * MIN) return null;
  const vars = varsFor(rng, earlier.customer);
  const subject = `${rng.pick(['Again: ', 'Still not sorted: ', 'Re: '])}${earlier.subject}`;
  const body = `I contacted you a few days ago about this. ${rng.pick(RECONTACT_LINES)} ${fill(rng.pick(earlier.template.bodies), vars)}`;
  return planTicket(world, at, earlier.customer, 'customer', { template: earlier.template, subject, body });
}

export function customerIdentities(rng: Rng, count: number): Array<{ name: string; email: string }> {
  const seen = new Set<string>();
  const out: Array<{ name: string; email: string }> = [];
  const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();
  while (out.length < count) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    const f = ascii(first);
    const l = ascii(last);
    const local = rng.pick([`${f}.${l}`, `${f}${l[0]}`, `${f}_${l}${rng.int(1, 99)}`, `${f[0]}${l}`]);
    const email = `${local}@${rng.pick(EMAIL_DOMAINS)}`;
    if (seen.has(name) || seen.has(email)) continue;
    seen.add(name);
    seen.add(email);
    out.push({ name, email });
  }
  return out;
}
