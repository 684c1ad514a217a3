/** A customer's history read as a journey: where they came to support from, and when they came back. */

export interface HistoryTicket {
  id: number;
  createdAt: Date;
  firstSolvedAt: Date | null;
  journeyStage: string | null;
  /** The customer's later ticket that fell inside the re-contact window (stored fact, METRICS.md). */
  recontactTicketId: number | null;
  mergedIntoId: number | null;
}

export interface JourneyStep {
  stage: string;
  /** Tickets in a row that came from this stage. */
  tickets: number;
  firstAt: Date;
}

/** The stages the customer came from, oldest first; consecutive tickets from one stage make one step. Merged tickets are left out. */
export function journeyStrip(tickets: readonly HistoryTicket[]): JourneyStep[] {
  const steps: JourneyStep[] = [];
  const inOrder = [...tickets].filter((t) => t.mergedIntoId === null).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  for (const t of inOrder) {
    if (!t.journeyStage) continue;
    const last = steps.at(-1);
    if (last?.stage === t.journeyStage) last.tickets++;
    else steps.push({ stage: t.journeyStage, tickets: 1, firstAt: t.createdAt });
  }
  return steps;
}

export interface RecontactFlag {
  /** The earlier ticket that was solved. */
  solvedTicketId: number;
  /** How long after its first solve the customer came back, in whole hours. */
  hoursAfter: number;
}

/** For each ticket that is a re-contact, the earlier ticket it re-contacted, from the stored `recontact_ticket_id` facts. */
export function recontactFlags(tickets: readonly HistoryTicket[]): Map<number, RecontactFlag> {
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const flags = new Map<number, RecontactFlag>();
  for (const solved of tickets) {
    const later = solved.recontactTicketId === null ? undefined : byId.get(solved.recontactTicketId);
    if (!later || !solved.firstSolvedAt || solved.mergedIntoId !== null || later.mergedIntoId !== null) continue;
    const hoursAfter = Math.floor((later.createdAt.getTime() - solved.firstSolvedAt.getTime()) / 3_600_000);
    const kept = flags.get(later.id);
    if (!kept || hoursAfter < kept.hoursAfter) flags.set(later.id, { solvedTicketId: solved.id, hoursAfter });
  }
  return flags;
}

/** "re-contact 2 days after #1234 was solved" (hours under two days' worth are shown as hours). */
export function recontactText(flag: RecontactFlag): string {
  const { hoursAfter: h, solvedTicketId: id } = flag;
  if (h < 1) return `re-contact within an hour of #${id} being solved`;
  const span = h < 48 ? `${h} ${h === 1 ? 'hour' : 'hours'}` : `${Math.floor(h / 24)} days`;
  return `re-contact ${span} after #${id} was solved`;
}
