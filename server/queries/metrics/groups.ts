import { sql, type SQL } from 'drizzle-orm';
import type { GroupBy } from '@/lib/validation/metrics';

/**
 * Group key and label by the ticket's current value (METRICS.md, "Grouping"): the agent's email, the
 * team's name, the taxonomy key, or the channel or priority value. No value → key null.
 */
export function groupKeySql(groupBy: GroupBy | undefined): { key: SQL; label: SQL } {
  switch (groupBy) {
    case 'agent':
      return { key: sql`a.email`, label: sql`coalesce(a.name, 'Unassigned')` };
    case 'team':
      return { key: sql`tm.name`, label: sql`coalesce(tm.name, 'Unassigned')` };
    case 'journey_stage':
      return { key: sql`t.journey_stage`, label: sql`coalesce(js.label, 'None')` };
    case 'touchpoint':
      return { key: sql`t.touchpoint`, label: sql`coalesce(tp.label, 'None')` };
    case 'channel':
      return { key: sql`t.channel`, label: sql`initcap(t.channel)` };
    case 'priority':
      return { key: sql`t.priority`, label: sql`initcap(t.priority)` };
    default:
      return { key: sql`null::text`, label: sql`''` };
  }
}
