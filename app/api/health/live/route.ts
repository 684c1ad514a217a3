import { livenessResponse } from '@/server/http/health';

export const dynamic = 'force-dynamic';

/** Liveness, for load balancers: the process is up. 200 even while the database is down (restarting it would not help). */
export function GET() {
  return livenessResponse();
}
