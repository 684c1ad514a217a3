import { getReportingDb } from '@/server/db';
import { csvResponse } from '@/lib/csv';
import { ServiceError } from '@/lib/errors';
import { apiRoute } from '@/server/http/api';
import { queryOf } from '@/server/http/input';
import { boardTableCsv, parseBoardTable } from '@/server/queries/boards/board-csv';
import { parseBoardParams, resolveBoardScope } from '@/server/queries/boards/scope';
import { getSettings } from '@/server/services/settings';

/** One board table as CSV: `board`, `table` and the board's own URL parameters (README, "Boards"). */
export const GET = apiRoute('export:run', async ({ request, actor }) => {
  if (actor.kind !== 'staff') throw new ServiceError('forbidden', 'Your role does not allow this request.');
  const raw = queryOf(request);
  const table = parseBoardTable(raw);
  const params = parseBoardParams(raw);
  const db = await getReportingDb();
  const { timeZone } = await getSettings(db);
  const scope = await resolveBoardScope(db, actor, params, { now: new Date(), timeZone });
  const lines = await boardTableCsv(db, scope, table);
  const name = `${table.board}-${table.table}-${scope.range.fromDate}-to-${scope.range.toDate}.csv`;
  return csvResponse(name, (async function* () {
    yield* lines;
  })());
});
