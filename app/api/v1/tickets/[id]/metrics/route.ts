import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { ServiceError } from '@/lib/errors';
import { ticketIdParam } from '@/lib/validation/tickets';
import { apiRoute } from '@/server/http/api';
import { parsePathParam } from '@/server/http/input';
import { getTicketMetrics } from '@/server/queries/metrics/ticket-metrics';

/** One ticket's metric figures. Readers: lead and admin, like the aggregate metrics. */
export const GET = apiRoute<{ id: string }>('metrics:read', async ({ params }) => {
  const id = parsePathParam(ticketIdParam, params.id, 'id', { code: 'invalid', message: 'The ticket id must be a positive whole number.' });
  const metrics = await getTicketMetrics(await getDb(), id);
  if (!metrics) throw new ServiceError('not_found', `Ticket ${id} does not exist.`);
  return NextResponse.json(metrics);
});
