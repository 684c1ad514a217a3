import type { BusinessCalendar, WorkspaceSettings } from '@/lib/validation/settings';
import { businessSeconds } from './business-hours';
import { computeFcr } from './fcr';
import { atRiskFrom, nextOpenTarget, ticketSlaTargets } from './sla';
import type { TicketFacts } from './ticket-facts';

/** A ticket uses its current team's calendar, else the workspace's (METRICS.md, "Business hours"). */
export function calendarFor(settings: Pick<WorkspaceSettings, 'businessCalendar' | 'teamCalendars'>, teamId: number | null): BusinessCalendar {
  return (teamId !== null ? settings.teamCalendars[String(teamId)] : undefined) ?? settings.businessCalendar;
}

export interface CalendarFacts {
  firstResponseBusinessSeconds: number | null;
  slaFirstResponseDueAt: Date | null;
  slaResolutionDueAt: Date | null;
  /** The deadline of the target the ticket waits on now (overdue ones included), for sorting and risk. */
  slaNextDueAt: Date | null;
  /** When that target becomes "at risk". */
  slaNextRiskAt: Date | null;
}

/**
 * The facts that depend on settings (calendars, SLA policy) as well as on events: business FRT and
 * the SLA deadlines under the current priority. The services and the rebuild both derive them here.
 */
export function calendarFacts(facts: TicketFacts, teamId: number | null, settings: WorkspaceSettings): CalendarFacts {
  const cal = calendarFor(settings, teamId);
  const targets = ticketSlaTargets(facts, settings.slaPolicy, cal);
  const next = nextOpenTarget(targets);
  return {
    firstResponseBusinessSeconds:
      facts.firstResponseAt && facts.clockStartedAt ? businessSeconds(cal, facts.clockStartedAt, facts.firstResponseAt) : null,
    slaFirstResponseDueAt: targets.firstResponse?.deadline ?? null,
    slaResolutionDueAt: targets.resolution?.deadline ?? null,
    slaNextDueAt: next?.deadline ?? null,
    slaNextRiskAt: next ? atRiskFrom(next, cal) : null,
  };
}

export interface DerivedFacts extends CalendarFacts {
  fcr: boolean | null;
}

/**
 * Every stored fact derived from the event facts rather than applied by an event: FCR (given whether the
 * ticket was re-contacted) and the calendar facts. recordTicketEvent, the rebuild and the import all use this.
 */
export function derivedFacts(facts: TicketFacts, teamId: number | null, recontacted: boolean, settings: WorkspaceSettings): DerivedFacts {
  return { fcr: computeFcr({ ...facts, recontacted }), ...calendarFacts(facts, teamId, settings) };
}
