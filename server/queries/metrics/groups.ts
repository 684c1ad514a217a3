import { sql, type SQL } from 'drizzle-orm';
import type { GroupBy } from '@/lib/validation/metrics';

/** The rollup's dimension numbers (metric_rollup.dim); 0 is "all tickets". */
export const DIMS: Record<GroupBy, number> = { agent: 1, team: 2, journey_stage: 3, touchpoint: 4, channel: 5, priority: 6, journey: 7 };

/** The ticket column behind each dimension. */
export const DIM_COLUMN: Record<GroupBy, SQL> = {
  agent: sql`assignee_id`,
  team: sql`team_id`,
  journey_stage: sql`journey_stage`,
  touchpoint: sql`touchpoint`,
  channel: sql`channel`,
  priority: sql`priority`,
  journey: sql`coalesce(journey_stage, '') || '|' || coalesce(touchpoint, '')`,
};

/** A ticket's key in a dimension, as the rollup stores it: the value as text, '' when it has none. */
export const DIM_KEY_SQL: Record<GroupBy, SQL> = {
  agent: sql`coalesce(assignee_id::text, '')`,
  team: sql`coalesce(team_id::text, '')`,
  journey_stage: sql`coalesce(journey_stage, '')`,
  touchpoint: sql`coalesce(touchpoint, '')`,
  channel: sql`channel`,
  priority: sql`priority`,
  journey: sql`coalesce(journey_stage, '') || '|' || coalesce(touchpoint, '')`,
};

export interface GroupLabels {
  /** Joined after aggregating, to the few grouped rows (`f.g` is the dimension key). */
  join: SQL;
  key: SQL;
  label: SQL;
}

/**
 * Group key and label by the ticket's current value (METRICS.md, "Grouping"): the agent's email, the
 * team's name, the taxonomy key, or the channel or priority value. No value → key null, "Unassigned"/"None".
 */
export function groupLabels(groupBy: GroupBy | undefined): GroupLabels {
  switch (groupBy) {
    case 'agent':
      return { join: sql`left join users a on a.id = nullif(f.g, '')::int`, key: sql`a.email`, label: sql`coalesce(a.name, 'Unassigned')` };
    case 'team':
      return { join: sql`left join teams tm on tm.id = nullif(f.g, '')::int`, key: sql`tm.name`, label: sql`coalesce(tm.name, 'Unassigned')` };
    case 'journey_stage':
      return { join: sql`left join journey_stages js on js.key = f.g`, key: sql`nullif(f.g, '')`, label: sql`coalesce(js.label, 'None')` };
    case 'touchpoint':
      return { join: sql`left join touchpoints tp on tp.key = f.g`, key: sql`nullif(f.g, '')`, label: sql`coalesce(tp.label, 'None')` };
    case 'journey':
      // The pair's keys: a heatmap lays them out against the taxonomy it already has.
      return { join: sql``, key: sql`f.g`, label: sql`f.g` };
    case 'channel':
    case 'priority':
      return { join: sql``, key: sql`f.g`, label: sql`initcap(f.g)` };
    default:
      return { join: sql``, key: sql`null::text`, label: sql`''` };
  }
}
