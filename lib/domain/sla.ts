/** Service level targets (METRICS.md, "SLA"). */
import type { BusinessCalendar } from '../validation/settings';
import { addBusinessSeconds, businessSeconds } from './business-hours';
import type { CreatedByKind, Priority } from './ticket-values';

export type SlaMode = 'calendar' | 'business';
export interface SlaTarget {
  minutes: number;
  mode: SlaMode;
}
export type SlaPolicy = Record<Priority, { firstResponse: SlaTarget; resolution: SlaTarget }>;

const calendarHours = (firstResponse: number, resolution: number) => ({
  firstResponse: { minutes: firstResponse * 60, mode: 'calendar' as const },
  resolution: { minutes: resolution * 60, mode: 'calendar' as const },
});

/** The METRICS.md defaults, in calendar hours. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  urgent: calendarHours(1, 8),
  high: calendarHours(4, 24),
  normal: calendarHours(8, 72),
  low: calendarHours(24, 168),
};

/** Calendar targets: start + minutes. Business targets: the moment `minutes` of open time have passed. */
export function slaDeadline(start: Date, target: SlaTarget, cal: BusinessCalendar): Date {
  if (target.mode === 'business') return addBusinessSeconds(cal, start, target.minutes * 60);
  return new Date(start.getTime() + target.minutes * 60_000);
}

export type SlaState = 'met' | 'breached' | 'running';

/**
 * Met when the target's event happens at or before the deadline; breached when the deadline passes first
 * (a breach is final, a later completion does not undo it); otherwise running.
 */
export function slaTargetState(t: { deadline: Date; completedAt: Date | null; now: Date }): SlaState {
  const deadline = t.deadline.getTime();
  if (t.completedAt) return t.completedAt.getTime() <= deadline ? 'met' : 'breached';
  return t.now.getTime() > deadline ? 'breached' : 'running';
}

export interface SlaTargetTimes {
  /** When the clock started: the same for both targets. */
  start: Date;
  target: SlaTarget;
  deadline: Date;
  /** When the target's event happened, or null while it has not. */
  completedAt: Date | null;
}

export interface TicketSlaTargets {
  firstResponse: SlaTargetTimes | null;
  resolution: SlaTargetTimes | null;
}

export interface SlaTicketFacts {
  createdByKind: CreatedByKind;
  /** created_at, or for an agent-created ticket the first public customer message (null while there is none). */
  clockStartedAt: Date | null;
  firstResponseAt: Date | null;
  firstSolvedAt: Date | null;
  /** The current priority: deadlines follow it. */
  priority: Priority;
}

const earliest = (a: Date | null, b: Date | null): Date | null => (a && b ? (a.getTime() <= b.getTime() ? a : b) : (a ?? b));

/**
 * A ticket's two targets. The clock starts at clockStartedAt and never pauses. The first-response target ends
 * at first_response_at or first_solved_at, whichever comes first; the resolution target at first_solved_at.
 * An agent-created ticket has targets only when a public customer message came before its first solve.
 */
export function ticketSlaTargets(t: SlaTicketFacts, policy: SlaPolicy, cal: BusinessCalendar): TicketSlaTargets {
  const start = t.clockStartedAt;
  if (start === null) return { firstResponse: null, resolution: null };
  if (t.createdByKind === 'agent' && t.firstSolvedAt !== null && start.getTime() >= t.firstSolvedAt.getTime()) {
    return { firstResponse: null, resolution: null };
  }
  const { firstResponse, resolution } = policy[t.priority];
  return {
    firstResponse: {
      start,
      target: firstResponse,
      deadline: slaDeadline(start, firstResponse, cal),
      completedAt: earliest(t.firstResponseAt, t.firstSolvedAt),
    },
    resolution: {
      start,
      target: resolution,
      deadline: slaDeadline(start, resolution, cal),
      completedAt: t.firstSolvedAt,
    },
  };
}

/**
 * A running target with less than 25% of its length left, measured in the target's own units: calendar time
 * for calendar targets, business seconds between now and the deadline for business targets.
 */
export function isAtRisk(t: {
  target: SlaTarget;
  start: Date;
  deadline: Date;
  completedAt: Date | null;
  now: Date;
  cal: BusinessCalendar;
}): boolean {
  if (slaTargetState(t) !== 'running') return false;
  const lengthMs = t.target.minutes * 60_000;
  const from = t.now.getTime() < t.start.getTime() ? t.start : t.now;
  const leftMs =
    t.target.mode === 'business'
      ? businessSeconds(t.cal, from, t.deadline) * 1000
      : Math.max(0, t.deadline.getTime() - from.getTime());
  return leftMs * 4 < lengthMs;
}

/** The target the ticket waits on now: first response until it completes, then resolution; null when none runs. */
export function nextOpenTarget(targets: TicketSlaTargets): SlaTargetTimes | null {
  if (targets.firstResponse && !targets.firstResponse.completedAt) return targets.firstResponse;
  if (targets.resolution && !targets.resolution.completedAt) return targets.resolution;
  return null;
}

/**
 * The instant after which an open target is "at risk" (less than 25% of its length left, in its own units):
 * for business targets, once three quarters of its business time has elapsed since the clock started.
 */
export function atRiskFrom(t: SlaTargetTimes, cal: BusinessCalendar): Date {
  const lengthSeconds = t.target.minutes * 60;
  if (t.target.mode === 'business') return addBusinessSeconds(cal, t.start, lengthSeconds * 0.75);
  return new Date(t.deadline.getTime() - lengthSeconds * 250);
}
