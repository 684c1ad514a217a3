import { NextResponse } from 'next/server';
import { RETRY_AFTER_SECONDS } from '@/db/unavailable';
import { checkReadiness } from '../health';

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * 200 `{ status: 'ok', database: { kind, status: 'up', latency_ms } }` when ready; otherwise 503 with
 * Retry-After and why (`starting`, `database_unreachable`, `migrations_pending`). Answers within 1 s.
 */
export async function readinessResponse(): Promise<NextResponse> {
  const readiness = await checkReadiness();
  if (readiness.ready) {
    return NextResponse.json(
      { status: 'ok', database: { kind: readiness.kind, status: 'up', latency_ms: readiness.latencyMs } },
      { headers: NO_STORE },
    );
  }
  return NextResponse.json(
    { status: 'unavailable', reason: readiness.reason, database: { status: 'down' } },
    { status: 503, headers: { ...NO_STORE, 'Retry-After': String(RETRY_AFTER_SECONDS) } },
  );
}

/** The process is up and serving: no database involved, for a load balancer's liveness probe. */
export function livenessResponse(): NextResponse {
  return NextResponse.json({ status: 'ok', uptime_seconds: Math.round(process.uptime()) }, { headers: NO_STORE });
}
