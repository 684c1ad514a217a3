import type { Db } from '@/db/client';
import { inboxQuerySchema } from '@/lib/validation/inbox';
import { inboxRowJson, type InboxRowJson } from '@/server/http/serializers';
import { listTickets } from '../inbox/list';
import { scopeFilter } from './figures';
import type { BoardScope } from './scope';

export interface SlaLive {
  at_risk: InboxRowJson[];
  breached: InboxRowJson[];
  checked_at: string;
  /** The inbox views behind each list. */
  links: { at_risk: string; breached: string };
}

const LIMIT = 20;

/**
 * The open tickets at risk and in breach right now, in the board's team/agent/channel/priority, soonest
 * deadline first: the inbox's own SLA filters, so each list is what its "open in inbox" link shows.
 */
export async function slaLive(db: Db, scope: BoardScope, viewerId: number, now = new Date()): Promise<SlaLive> {
  const filter = Object.fromEntries(Object.entries(scopeFilter(scope)).filter(([, v]) => v !== undefined));
  const list = (sla: 'at_risk' | 'breached') =>
    listTickets(db, inboxQuerySchema.parse({ view: 'all_open', sla, sort: 'sla_due', limit: String(LIMIT), ...filter }), { staffId: viewerId, now });
  const [atRisk, breached] = await Promise.all([list('at_risk'), list('breached')]);
  return {
    at_risk: atRisk.rows.map(inboxRowJson),
    breached: breached.rows.map(inboxRowJson),
    checked_at: now.toISOString(),
    links: { at_risk: slaLiveHref(scope, 'at_risk'), breached: slaLiveHref(scope, 'breached') },
  };
}

/** The inbox link behind each live list. */
export function slaLiveHref(scope: BoardScope, sla: 'at_risk' | 'breached'): string {
  const filter = Object.fromEntries(Object.entries(scopeFilter(scope)).filter((e): e is [string, string] => e[1] !== undefined));
  return `/inbox?${new URLSearchParams({ view: 'all_open', sla, sort: 'sla_due', ...filter }).toString()}`;
}
