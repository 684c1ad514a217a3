import { NextResponse } from 'next/server';
import { getReportingDb } from '@/server/db';
import { ServiceError } from '@/lib/errors';
import { apiRoute } from '@/server/http/api';
import { queryOf } from '@/server/http/input';
import { parseBoardParams, resolveBoardScope } from '@/server/queries/boards/scope';
import { slaLive } from '@/server/queries/boards/sla-live';
import { getSettings } from '@/server/services/settings';

/** The response board's live lists: open tickets at risk and in breach, in the board's filters. */
export const GET = apiRoute('boards:read-own', async ({ request, actor }) => {
  if (actor.kind !== 'staff') throw new ServiceError('forbidden', 'Your role does not allow this request.');
  const params = parseBoardParams(queryOf(request));
  const db = await getReportingDb();
  const { timeZone } = await getSettings(db);
  const now = new Date();
  const scope = await resolveBoardScope(db, actor, params, { now, timeZone });
  return NextResponse.json(await slaLive(db, scope, actor.id, now));
});
