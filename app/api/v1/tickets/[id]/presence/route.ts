import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/server/db';
import { ServiceError } from '@/lib/errors';
import { idSchema } from '@/lib/validation/common';
import { apiRoute } from '@/server/http/api';
import { presenceFor } from '@/server/queries/presence';
import { heartbeat, leave } from '@/server/services/presence';

const bodySchema = z.object({ state: z.enum(['viewing', 'typing'], { message: 'state must be viewing or typing' }) });

function ticketId(raw: string): number {
  const id = idSchema.safeParse(raw);
  if (!id.success) throw new ServiceError('invalid', 'The ticket id must be a positive whole number.');
  return id.data;
}

/** Heartbeat: "I am viewing (or writing on) this ticket"; answers with who else is. */
export const POST = apiRoute<{ id: string }>('ticket:read', async ({ request, actor, params }) => {
  const id = ticketId(params.id);
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) throw new ServiceError('invalid', body.error.issues[0]?.message ?? 'Send { "state": "viewing" }.');
  const db = await getDb();
  await heartbeat(db, { ticketId: id, userId: actor.id, state: body.data.state });
  return NextResponse.json({ others: (await presenceFor(db, [id], actor.id))[id] ?? [] });
});

export const DELETE = apiRoute<{ id: string }>('ticket:read', async ({ actor, params }) => {
  await leave(await getDb(), ticketId(params.id), actor.id);
  return new NextResponse(null, { status: 204 });
});
