import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { teams, users } from '@/db/schema';
import { can, type StaffActor } from '@/lib/domain/permissions';
import type { Channel, Priority } from '@/lib/domain/ticket-values';
import { ServiceError } from '@/lib/errors';
import { boardParamsSchema, boardRange, type BoardParams, type BoardRange } from '@/lib/validation/boards';
import type { MetricsQuery } from '@/lib/validation/metrics';

/** The board's filters twice over: as the metrics layer names them (team name, agent email) and as the inbox does (ids). */
export interface BoardScope {
  params: BoardParams;
  range: BoardRange;
  timeZone: string;
  /** Whether the viewer sees everyone's figures (`boards:read`), or only their own. */
  everyone: boolean;
  /** Whether the viewer may download CSVs (`export:run`). */
  canExport: boolean;
  team?: { id: number; name: string };
  agent?: { id: number; email: string; name: string };
  channel?: Channel;
  priority?: Priority;
}

/** Parses a board URL; a bad parameter is a ServiceError('invalid') that names it. */
export function parseBoardParams(raw: Record<string, string | string[] | undefined>): BoardParams {
  const flat = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  const parsed = boardParamsSchema.safeParse(flat);
  if (!parsed.success) {
    throw new ServiceError('invalid', parsed.error.issues.map((i) => i.message).join('. '), {
      fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'query', [i.message]])),
    });
  }
  return parsed.data;
}

/**
 * Resolves the params for this viewer. An agent without `boards:read` sees only their own figures: the agent
 * filter is forced to them, and asking for someone else is a 404 (their figures do not exist for this viewer).
 */
export async function resolveBoardScope(db: Db, viewer: StaffActor, params: BoardParams, opts: { now: Date; timeZone: string }): Promise<BoardScope> {
  const everyone = can(viewer, 'boards:read');
  if (!everyone && params.agent !== undefined && params.agent !== viewer.id) {
    throw new ServiceError('not_found', 'There are no figures for that agent.');
  }
  const agentId = everyone ? params.agent : viewer.id;
  const [team] = params.team === undefined ? [] : await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, params.team));
  if (params.team !== undefined && !team) throw new ServiceError('invalid', `There is no team with id ${params.team}; pick one from the list.`);
  const [agent] = agentId === undefined ? [] : await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, agentId));
  if (agentId !== undefined && !agent) throw new ServiceError('invalid', `There is no agent with id ${agentId}; pick one from the list.`);
  return {
    params,
    range: boardRange(params, opts.now, opts.timeZone),
    timeZone: opts.timeZone,
    everyone,
    canExport: can(viewer, 'export:run'),
    team,
    agent,
    channel: params.channel,
    priority: params.priority,
  };
}

/** The metrics-layer query for a scope, with an optional group or series. */
export function scopeQuery(scope: BoardScope, extra: Pick<MetricsQuery, 'group_by' | 'interval'> = {}): MetricsQuery {
  return {
    from: scope.range.from,
    to: scope.range.to,
    team: scope.team?.name,
    agent: scope.agent?.email.toLowerCase(),
    channel: scope.channel,
    priority: scope.priority,
    ...extra,
  };
}

/** What the filter form offers: teams and (for leads) agents. */
export async function boardFilterOptions(db: Db) {
  const [teamRows, staff] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name)),
  ]);
  return { teams: teamRows, staff };
}
export type BoardFilterOptions = Awaited<ReturnType<typeof boardFilterOptions>>;
