import { NextResponse } from 'next/server';
import { getDb } from '@/server/db';
import { ServiceError } from '@/lib/errors';
import { idSchema } from '@/lib/validation/common';
import { apiRoute } from '@/server/http/api';
import { getTicketMetrics } from '@/server/queries/metrics/ticket-metrics';

/** One ticket's metric figures. Readers: lead and admin, like the aggregate metrics. */
export const GET = apiRoute<{ id: string }>('metrics:read', async ({ params }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new ServiceError('invalid', 'The ticket id must be a positive whole number.');
  const metrics = await getTicketMetrics(await getDb(), id.data);
  if (!metrics) throw new ServiceError('not_found', `Ticket ${id.data} does not exist.`);
  return NextResponse.json(metrics);
});
