import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/server/db';
import { ServiceError } from '@/lib/errors';
import { inboxQuerySchema } from '@/lib/validation/inbox';
import { apiRoute } from '@/server/http/api';
import { inboxRowJson } from '@/server/http/serializers';
import { inboxChanges } from '@/server/queries/inbox/changes';
import { resolveSavedView } from '@/server/queries/inbox/saved-views';

const pollSchema = z.object({
  since: z.coerce.number({ message: 'since must be a change sequence number' }).int().min(0),
  ids: z
    .string()
    .default('')
    .transform((v) => v.split(',').filter(Boolean).map(Number))
    .pipe(z.array(z.number().int().positive()).max(100, 'At most 100 ids')),
  created_after: z.string().datetime({ offset: true, message: 'created_after must be an ISO instant' }).transform((v) => new Date(v)),
});

/** The inbox poll: changes since a change sequence, for the rows on screen and the view's new tickets. */
export const GET = apiRoute('ticket:read', async ({ request, actor }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const poll = pollSchema.safeParse(params);
  const filters = inboxQuerySchema.safeParse(Object.fromEntries(Object.entries(params).filter(([k]) => !(k in pollSchema.shape))));
  if (!poll.success || !filters.success) {
    const issue = (poll.error ?? filters.error)?.issues[0];
    throw new ServiceError('invalid', issue?.message ?? 'Invalid parameters.');
  }
  const db = await getDb();
  const query = await resolveSavedView(db, filters.data, actor.id);
  const result = await inboxChanges(db, { since: poll.data.since, visibleIds: poll.data.ids, createdAfter: poll.data.created_after, filters: query, staffId: actor.id });
  return NextResponse.json({ seq: result.seq, changed: result.changed.map(inboxRowJson), new_count: result.newCount, presence: result.presence });
});
