import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { ServiceError } from '@/lib/errors';
import { inboxQuerySchema } from '@/lib/validation/inbox';
import { apiRoute } from '@/server/http/api';
import { inboxRowJson } from '@/server/http/serializers';
import { listTickets } from '@/server/queries/inbox/list';
import { resolveSavedView } from '@/server/queries/inbox/saved-views';

/** The ticket list for staff: a view or any filter, search, sort and keyset pages; list fields only. */
export const GET = apiRoute('ticket:read', async ({ request, actor }) => {
  const parsed = inboxQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    throw new ServiceError('invalid', parsed.error.issues[0]?.message ?? 'Invalid parameters.', {
      fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'query', [i.message]])),
    });
  }
  const db = await getDb();
  const query = await resolveSavedView(db, parsed.data, actor.id);
  const page = await listTickets(db, query, { staffId: actor.id });
  return NextResponse.json({ tickets: page.rows.map(inboxRowJson), next_cursor: page.nextCursor });
});
