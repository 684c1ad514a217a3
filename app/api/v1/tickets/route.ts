import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { ServiceError } from '@/lib/errors';
import { apiRoute } from '@/server/http/api';
import { inboxRowJson } from '@/server/http/serializers';
import { INBOX_SCOPES, listInbox } from '@/server/queries/inbox';

const querySchema = z.object({
  scope: z.enum(INBOX_SCOPES, { message: `scope must be one of ${INBOX_SCOPES.join(', ')}` }).default('open'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ message: 'limit must be a number' }).int().min(1, 'limit must be 1–100').max(100, 'limit must be 1–100').default(50),
});

/** The ticket list for staff: list fields only, keyset pages. */
export const GET = apiRoute('ticket:read', async ({ request, actor }) => {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new ServiceError('invalid', parsed.error.issues[0]?.message ?? 'Invalid parameters.');
  const page = await listInbox(await getDb(), { ...parsed.data, staffId: actor.id });
  return NextResponse.json({ tickets: page.rows.map(inboxRowJson), next_cursor: page.nextCursor });
});
