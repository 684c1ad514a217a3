import type { BusinessCalendar, WorkspaceSettings } from '@/lib/validation/settings';
import { businessSeconds } from './business-hours';
import { ticketSlaTargets } from './sla';
import type { TicketFacts } from './ticket-facts';

/** A ticket uses its current team's calendar, else the workspace's (METRICS.md, "Business hours"). */
export function calendarFor(settings: Pick<WorkspaceSettings, 'businessCalendar' | 'teamCalendars'>, teamId: number | null): BusinessCalendar {
  return (teamId !== null ? settings.teamCalendars[String(teamId)] : undefined) ?? settings.businessCalendar;
}

export interface CalendarFacts {
  firstResponseBusinessSeconds: number | null;
  slaFirstResponseDueAt: Date | null;
  slaResolutionDueAt: Date | null;
}

/**
 * The facts that depend on settings (calendars, SLA policy) as well as on events: business FRT and
 * the SLA deadlines under the current priority. The services and the rebuild both derive them here.
 */
export function calendarFacts(facts: TicketFacts, teamId: number | null, settings: WorkspaceSettings): CalendarFacts {
  const cal = calendarFor(settings, teamId);
  const targets = ticketSlaTargets(facts, settings.slaPolicy, cal);
  return {
    firstResponseBusinessSeconds:
      facts.firstResponseAt && facts.clockStartedAt ? businessSeconds(cal, facts.clockStartedAt, facts.firstResponseAt) : null,
    slaFirstResponseDueAt: targets.firstResponse?.deadline ?? null,
    slaResolutionDueAt: targets.resolution?.deadline ?? null,
  };
}
