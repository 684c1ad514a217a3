import { readinessResponse } from '@/server/http/health';

export const dynamic = 'force-dynamic';

/** Readiness, for load balancers: start-up done, the database answers and has every migration. 503 if not. */
export async function GET() {
  return readinessResponse();
}
