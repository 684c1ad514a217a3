import { NextResponse } from 'next/server';
import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/server/db';
import { logger } from '@/lib/logger';

export const dynamic = 'force-dynamic';

/** 200 with the database status when it answers, 503 when it does not. */
export async function GET() {
  const started = performance.now();
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return NextResponse.json({ status: 'ok', database: { kind: handle.kind, status: 'up', latency_ms: Math.round(performance.now() - started) } });
  } catch (error) {
    logger.error({ err: error }, 'health check: database unavailable');
    return NextResponse.json({ status: 'unavailable', database: { status: 'down' } }, { status: 503 });
  }
}
