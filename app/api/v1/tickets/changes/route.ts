import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { inboxPollSchema, inboxQuerySchema } from '@/lib/validation/inbox';
import { apiRoute } from '@/server/http/api';
import { parseQuery } from '@/server/http/input';
import { inboxRowJson } from '@/server/http/serializers';
import { inboxChanges } from '@/server/queries/inbox/changes';
import { resolveSavedView } from '@/server/queries/inbox/saved-views';

const pollShape = inboxPollSchema.shape;
const withoutPoll = (query: Record<string, string>) => Object.fromEntries(Object.entries(query).filter(([k]) => !(k in pollShape)));

/** The inbox poll: changes since a change sequence, for the rows on screen and the view's new tickets. */
export const GET = apiRoute('ticket:read', async ({ request, actor }) => {
  const poll = parseQuery(inboxPollSchema, request);
  const filters = parseQuery(inboxQuerySchema, request, withoutPoll);
  const db = await getDb();
  const query = await resolveSavedView(db, filters, actor.id);
  const result = await inboxChanges(db, { since: poll.since, visibleIds: poll.ids, createdAfter: poll.created_after, filters: query, staffId: actor.id });
  return NextResponse.json({ seq: result.seq, changed: result.changed.map(inboxRowJson), new_count: result.newCount, presence: result.presence });
});
