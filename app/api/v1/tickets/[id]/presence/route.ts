import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { presenceSchema, ticketIdParam } from '@/lib/validation/tickets';
import { apiRoute } from '@/server/http/api';
import { parseBody, parsePathParam, readJson } from '@/server/http/input';
import { presenceFor } from '@/server/queries/presence';
import { heartbeat, leave } from '@/server/services/presence';

const ticketId = (raw: string) => parsePathParam(ticketIdParam, raw, 'id', { code: 'invalid', message: 'The ticket id must be a positive whole number.' });

/** Heartbeat: "I am viewing (or writing on) this ticket"; answers with who else is. */
export const POST = apiRoute<{ id: string }>('ticket:read', async ({ request, actor, params }) => {
  const id = ticketId(params.id);
  const { state } = parseBody(presenceSchema, await readJson(request, '{ "state": "viewing" }'));
  const db = await getDb();
  await heartbeat(db, { ticketId: id, userId: actor.id, state });
  return NextResponse.json({ others: (await presenceFor(db, [id], actor.id))[id] ?? [] });
});

export const DELETE = apiRoute<{ id: string }>('ticket:read', async ({ actor, params }) => {
  await leave(await getDb(), ticketId(params.id), actor.id);
  return new NextResponse(null, { status: 204 });
});
