import { describe, expect, it } from 'vitest';
import type { TicketEvent } from './ticket-events';
import { replayFacts, TicketRuleError } from './ticket-facts';
import type { TicketStatus } from './ticket-values';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const created = (createdByKind: 'customer' | 'agent' | 'api'): TicketEvent => ({
  type: 'created',
  at: T0,
  data: {
    createdByKind,
    channel: 'portal',
    priority: 'normal',
    status: createdByKind === 'agent' ? 'open' : 'new',
    customerId: 1,
    assigneeId: null,
    teamId: null,
    journeyStage: null,
    touchpoint: null,
    followUpOfId: null,
  },
});
let nextId = 1;
const msg = (minutes: number, authorKind: 'customer' | 'agent' | 'system', visibility: 'public' | 'internal' = 'public', opening = false): TicketEvent => ({
  type: 'message',
  at: at(minutes),
  data: { messageId: nextId++, authorKind, visibility, opening },
});
const status = (minutes: number, from: TicketStatus, to: TicketStatus): TicketEvent => ({ type: 'status', at: at(minutes), data: { from, to } });

const customerTicket = (...rest: TicketEvent[]) => replayFacts([created('customer'), msg(0, 'customer', 'public', true), ...rest]);

describe('status rules (METRICS.md)', () => {
  it('a customer ticket starts new and counts its opening message', () => {
    const f = customerTicket();
    expect(f.status).toBe('new');
    expect(f.customerMessageCount).toBe(1);
    expect(f.clockStartedAt).toEqual(T0);
  });

  it('an api ticket is treated as a customer ticket', () => {
    const f = replayFacts([created('api'), msg(0, 'customer', 'public', true)]);
    expect(f.status).toBe('new');
    expect(f.clockStartedAt).toEqual(T0);
  });

  it('the first public agent message opens a new ticket and is the first response', () => {
    const f = customerTicket(msg(30, 'agent'));
    expect(f.status).toBe('open');
    expect(f.firstResponseAt).toEqual(at(30));
    expect(f.agentReplyCount).toBe(1);
  });

  it.each([
    ['internal note', msg(10, 'agent', 'internal')],
    ['system message', msg(10, 'system')],
  ])('an %s is not a reply and starts no clock', (_label, event) => {
    const f = customerTicket(event);
    expect(f.status).toBe('new');
    expect(f.firstResponseAt).toBeNull();
    expect(f.agentReplyCount).toBe(0);
  });

  it.each(['pending', 'on_hold'] as const)('a customer message on %s sets open without a reopen', (s) => {
    const f = customerTicket(msg(5, 'agent'), status(6, 'open', s), msg(10, 'customer'));
    expect(f.status).toBe('open');
    expect(f.reopenCount).toBe(0);
    expect(f.customerMessageCount).toBe(2);
  });

  it('a customer message on solved reopens and clears last_solved_at, not first_solved_at', () => {
    const f = customerTicket(msg(5, 'agent'), status(6, 'open', 'solved'), msg(60, 'customer'));
    expect(f.status).toBe('open');
    expect(f.reopenCount).toBe(1);
    expect(f.firstSolvedAt).toEqual(at(6));
    expect(f.lastSolvedAt).toBeNull();
  });

  it('a staff message on solved keeps the status', () => {
    const f = customerTicket(msg(5, 'agent'), status(6, 'open', 'solved'), msg(7, 'agent'));
    expect(f.status).toBe('solved');
    expect(f.agentReplyCount).toBe(2);
    expect(f.repliesBeforeFirstSolve).toBe(1);
  });

  it('solving sets both solve times; a second solve moves only last_solved_at', () => {
    const f = customerTicket(msg(5, 'agent'), status(6, 'open', 'solved'), status(8, 'solved', 'open'), status(9, 'open', 'solved'));
    expect(f.firstSolvedAt).toEqual(at(6));
    expect(f.lastSolvedAt).toEqual(at(9));
    expect(f.reopenCount).toBe(1);
  });

  it('closing from an unsolved status counts as a solve; closing a solved ticket changes neither', () => {
    const direct = customerTicket(status(3, 'new', 'closed'));
    expect(direct.firstSolvedAt).toEqual(at(3));
    expect(direct.lastSolvedAt).toEqual(at(3));
    const viaSolved = customerTicket(status(3, 'new', 'solved'), status(100, 'solved', 'closed'));
    expect(viaSolved.firstSolvedAt).toEqual(at(3));
    expect(viaSolved.lastSolvedAt).toEqual(at(3));
  });

  it('a status event to the same status changes nothing', () => {
    const f = customerTicket(msg(5, 'agent'), status(6, 'open', 'open'));
    expect(f.status).toBe('open');
  });

  it('closed is final for messages and status', () => {
    expect(() => customerTicket(status(3, 'new', 'closed'), msg(5, 'agent'))).toThrow(TicketRuleError);
    expect(() => customerTicket(status(3, 'new', 'closed'), status(5, 'closed', 'open'))).toThrow(TicketRuleError);
  });

  it('replies_before_first_solve stops counting at the first solve', () => {
    const f = customerTicket(msg(1, 'agent'), msg(2, 'agent'), status(3, 'open', 'solved'), msg(4, 'customer'), msg(5, 'agent'));
    expect(f.repliesBeforeFirstSolve).toBe(2);
    expect(f.agentReplyCount).toBe(3);
  });
});

describe('agent-created tickets', () => {
  const agentTicket = (...rest: TicketEvent[]) => replayFacts([created('agent'), msg(0, 'agent', 'public', true), ...rest]);

  it('start open; the opening message is not a reply and starts no clock', () => {
    const f = agentTicket();
    expect(f.status).toBe('open');
    expect(f.agentReplyCount).toBe(0);
    expect(f.clockStartedAt).toBeNull();
  });

  it('FRT runs from the first customer message to the next agent message', () => {
    const f = agentTicket(msg(5, 'agent'), msg(60, 'customer'), msg(90, 'agent'));
    expect(f.clockStartedAt).toEqual(at(60));
    expect(f.firstResponseAt).toEqual(at(90));
  });

  it('without a customer message there is no first response', () => {
    const f = agentTicket(msg(5, 'agent'), status(6, 'open', 'solved'));
    expect(f.firstResponseAt).toBeNull();
    expect(f.firstSolvedAt).toEqual(at(6));
  });
});
