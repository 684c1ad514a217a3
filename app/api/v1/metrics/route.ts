import { NextResponse } from 'next/server';
import { getReportingDb } from '@/server/db';
import { metricsQuerySchema } from '@/lib/validation/metrics';
import { apiRoute } from '@/server/http/api';
import { parseQuery } from '@/server/http/input';
import { queryMetrics } from '@/server/queries/metrics/aggregate';
import { getSettings } from '@/server/services/settings';

/** Aggregate metrics for [from, to): totals, optional groups and an optional day/week series. */
export const GET = apiRoute('metrics:read', async ({ request }) => {
  const query = parseQuery(metricsQuerySchema, request);
  const db = await getReportingDb();
  const { timeZone } = await getSettings(db);
  return NextResponse.json(await queryMetrics(db, query, { timeZone }));
});
