import { readinessResponse } from '@/server/http/health';

export const dynamic = 'force-dynamic';

/** Ready to serve (the same as /api/health/ready): 200 with the database status, 503 within 1 s when not. */
export async function GET() {
  return readinessResponse();
}
