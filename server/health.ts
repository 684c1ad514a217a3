import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { databaseDownSince, noteDatabaseDown, noteDatabaseUp } from '@/db/availability';
import { getDbHandle, MIGRATIONS_DIR, rowsOf } from '@/db/client';
import { logger } from '@/lib/logger';
import { bootStatus } from './boot-state';

/** Health answers within 1 s whatever the database does: the check gives up at this point. */
export const READINESS_DEADLINE_MS = 600;

export type Readiness =
  | { ready: true; kind: string; latencyMs: number }
  | { ready: false; reason: 'starting' | 'database_unreachable' | 'migrations_pending'; detail?: string };

let newestMigration: number | undefined;

/** The `when` of the newest migration in the journal: drizzle records it as `created_at` once applied. */
function newestMigrationMillis(): number {
  if (newestMigration === undefined) {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
    newestMigration = Math.max(0, ...journal.entries.map((entry) => entry.when));
  }
  return newestMigration;
}

function deadline(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'HEALTH_DEADLINE' })), ms).unref());
}

/**
 * Ready to serve: start-up finished (migrated, seeded when asked), the database answers now, and it has
 * every migration this build knows. Never waits past READINESS_DEADLINE_MS, and never opens the database
 * itself: while start-up is still retrying it answers 'starting' at once.
 */
export async function checkReadiness(): Promise<Readiness> {
  const boot = bootStatus();
  if (boot.state !== 'ready') return remember({ ready: false, reason: 'starting', detail: boot.lastError });
  const started = performance.now();
  try {
    const handle = await getDbHandle();
    const result = await Promise.race([
      handle.db.execute(sql`select coalesce(max(created_at), 0)::text as newest from drizzle.__drizzle_migrations`),
      deadline(READINESS_DEADLINE_MS),
    ]);
    const [{ newest }] = rowsOf<{ newest: string }>(result);
    if (Number(newest) < newestMigrationMillis()) return remember({ ready: false, reason: 'migrations_pending' });
    return remember({ ready: true, kind: handle.kind, latencyMs: Math.round(performance.now() - started) });
  } catch (error) {
    return remember({ ready: false, reason: 'database_unreachable', detail: (error as Error).message });
  }
}

let lastReady: boolean | undefined;

/**
 * Notes what the probe found for proxy.ts, and logs when readiness changes, not on every probe: a load
 * balancer asks every few seconds.
 */
function remember(readiness: Readiness): Readiness {
  if (readiness.ready) noteDatabaseUp();
  else if (readiness.reason !== 'migrations_pending') noteDatabaseDown();
  if (readiness.ready !== lastReady) {
    if (readiness.ready) logger.info({ kind: readiness.kind }, 'ready: the database answers');
    else if (lastReady !== undefined) logger.warn({ reason: readiness.reason, detail: readiness.detail }, 'not ready');
    lastReady = readiness.ready;
  }
  return readiness;
}

/** While the database is noted down, it is probed this often, so pages stop answering 503 soon after it is back. */
const RECOVERY_PROBE_MS = 250;

/**
 * Clears the "database down" note (db/availability.ts) by itself once the database answers again, without
 * waiting for a health probe. Costs nothing while the database is up: it only reads the note.
 */
export function watchForRecovery(): void {
  let probing = false;
  setInterval(() => {
    if (probing || databaseDownSince() === null || bootStatus().state !== 'ready') return;
    probing = true;
    void checkReadiness().finally(() => (probing = false));
  }, RECOVERY_PROBE_MS).unref();
}
