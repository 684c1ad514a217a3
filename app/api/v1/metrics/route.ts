import { NextResponse } from 'next/server';
import { getReportingDb } from '@/server/db';
import { ServiceError } from '@/lib/errors';
import { metricsQuerySchema } from '@/lib/validation/metrics';
import { apiRoute } from '@/server/http/api';
import { queryMetrics } from '@/server/queries/metrics/aggregate';
import { getSettings } from '@/server/services/settings';

/** Aggregate metrics for [from, to): totals, optional groups and an optional day/week series. */
export const GET = apiRoute('metrics:read', async ({ request }) => {
  const parsed = metricsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceError('invalid', issue?.message ?? 'Invalid parameters.', {
      fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'query', [i.message]])),
    });
  }
  const db = await getReportingDb();
  const { timeZone } = await getSettings(db);
  return NextResponse.json(await queryMetrics(db, parsed.data, { timeZone }));
});
