import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { inboxQuerySchema } from '@/lib/validation/inbox';
import { apiRoute } from '@/server/http/api';
import { parseQuery } from '@/server/http/input';
import { inboxRowJson } from '@/server/http/serializers';
import { listTickets } from '@/server/queries/inbox/list';
import { resolveSavedView } from '@/server/queries/inbox/saved-views';

/** The ticket list for staff: a view or any filter, search, sort and keyset pages; list fields only. */
export const GET = apiRoute('ticket:read', async ({ request, actor }) => {
  const db = await getDb();
  const query = await resolveSavedView(db, parseQuery(inboxQuerySchema, request), actor.id);
  const page = await listTickets(db, query, { staffId: actor.id });
  return NextResponse.json({ tickets: page.rows.map(inboxRowJson), next_cursor: page.nextCursor });
});
