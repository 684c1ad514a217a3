import { getReportingDb } from '@/server/db';
import { csvResponse } from '@/lib/csv';
import { ServiceError } from '@/lib/errors';
import { apiRoute } from '@/server/http/api';
import { queryOf } from '@/server/http/input';
import { ticketMetricsCsv } from '@/server/queries/boards/export';
import { parseBoardParams, resolveBoardScope } from '@/server/queries/boards/scope';
import { getSettings } from '@/server/services/settings';

export const runtime = 'nodejs';

/** Per-ticket metrics of every ticket created in the range and filters, streamed as CSV (README, "Boards"). */
export const GET = apiRoute('export:run', async ({ request, actor }) => {
  if (actor.kind !== 'staff') throw new ServiceError('forbidden', 'Your role does not allow this request.');
  const params = parseBoardParams(queryOf(request));
  const db = await getReportingDb();
  const { timeZone } = await getSettings(db);
  const scope = await resolveBoardScope(db, actor, params, { now: new Date(), timeZone });
  return csvResponse(`tickets-${scope.range.fromDate}-to-${scope.range.toDate}.csv`, ticketMetricsCsv(db, scope));
});
