import type { Db } from '@/db/client';
import type { InboxFilter } from '@/lib/boards/drill';
import { BOARD_BREAKDOWNS } from '@/lib/validation/boards';
import type { GroupBy } from '@/lib/validation/metrics';
import { queryMetricsViews, type MetricsResult } from '../metrics/aggregate';
import type { Metrics } from '../metrics/assemble';
import { boardFilterOptions, scopeQuery, type BoardFilterOptions, type BoardScope } from './scope';

/** One row of a breakdown table: the group, its figures, and its inbox filter (null: the inbox cannot select it). */
export interface BreakdownRow {
  key: string | null;
  label: string;
  figures: Metrics;
  filter: InboxFilter | null;
}
export interface Breakdown {
  dim: GroupBy;
  title: string;
  rows: BreakdownRow[];
}

export const BREAKDOWN_TITLES: Record<Exclude<GroupBy, 'journey'>, string> = {
  team: 'Team',
  agent: 'Agent',
  journey_stage: 'Journey stage',
  touchpoint: 'Touchpoint',
  channel: 'Channel',
  priority: 'Priority',
};

/** The scope's own inbox filter: the board's team, agent, channel and priority. */
export function scopeFilter(scope: BoardScope): InboxFilter {
  return {
    team: scope.team ? String(scope.team.id) : undefined,
    assignee: scope.agent ? String(scope.agent.id) : undefined,
    channel: scope.channel,
    priority: scope.priority,
  };
}

/** A group's inbox filter: group keys are names and emails (METRICS.md, "Grouping"); the inbox takes ids. */
function groupFilter(dim: GroupBy, key: string | null, options: BoardFilterOptions): Partial<InboxFilter> | null {
  switch (dim) {
    case 'team': {
      if (key === null) return { team: 'none' };
      const team = options.teams.find((t) => t.name === key);
      return team ? { team: String(team.id) } : null;
    }
    case 'agent': {
      if (key === null) return { assignee: 'none' };
      const user = options.staff.find((u) => u.email.toLowerCase() === key.toLowerCase());
      return user ? { assignee: String(user.id) } : null;
    }
    case 'journey_stage':
    case 'touchpoint':
    case 'channel':
    case 'priority':
      // The inbox has no "no stage" filter: that group is shown, not linked.
      return key === null ? null : { [dim]: key };
    case 'journey':
      return null;
  }
}

export interface BoardFigures {
  options: BoardFilterOptions;
  overview: MetricsResult;
  breakdowns: Breakdown[];
}

/**
 * A board's figures, all from the layer behind /api/v1/metrics: totals and a series, and one grouped view
 * per breakdown, whose percentiles share one sorted read per figure. `percentiles: false` skips the raw
 * duration reads a board does not show.
 */
export async function loadBoardFigures(db: Db, scope: BoardScope, { dims, percentiles }: { dims: GroupBy[]; percentiles: boolean }): Promise<BoardFigures> {
  const views = [{ interval: scope.range.interval }, ...dims.map((dim) => ({ group_by: dim }))];
  const [options, [overview, ...grouped]] = await Promise.all([
    boardFilterOptions(db),
    queryMetricsViews(db, scopeQuery(scope), views, { timeZone: scope.timeZone, percentiles }),
  ]);
  const base = scopeFilter(scope);
  const breakdowns = dims.map((dim, i) => ({
    dim,
    title: dim === 'journey' ? 'Journey' : BREAKDOWN_TITLES[dim],
    rows: grouped[i].groups.map(({ key, label, ...figures }) => {
      const own = groupFilter(dim, key, options);
      return { key, label, figures, filter: own ? { ...base, ...own } : null };
    }),
  }));
  return { options, overview, breakdowns };
}

/** The breakdowns a board shows: an agent's own board has no agent column to compare. */
export function boardDims(scope: BoardScope): GroupBy[] {
  return BOARD_BREAKDOWNS.filter((dim) => scope.everyone || (dim !== 'team' && dim !== 'agent'));
}

/**
 * The one breakdown the response board shows (`by`, else the first): each costs a sorted read of every
 * duration, so the board shows one at a time and links the others. An agent asking for a column their own
 * board has not got sees its first.
 */
export function responseBreakdown(scope: BoardScope): GroupBy {
  const dims = boardDims(scope);
  return scope.params.by && dims.includes(scope.params.by) ? scope.params.by : dims[0];
}
