/** Write load for the driver fault tests, and a timer for "how long until it works again". */
import { sql } from 'drizzle-orm';
import type { DbHandle } from '@/db/client';
import { isDatabaseUnavailable } from '@/db/unavailable';

let nextId = 1;

export interface LoadReport {
  /** Ids whose transaction committed and was acknowledged to the caller. */
  acknowledged: number[];
  /** Calls that failed as "database unavailable" (expected during the fault). */
  failed: number;
  /** Failures of any other kind, as messages: there should be none. */
  unexpected: string[];
  slowestMs: number;
}

/**
 * `workers` loops, each writing one row per transaction (insert, then read it back: two statements, so a
 * fault can land between them as well as on the commit), until stop() is called.
 */
export function runWriteLoad(handle: DbHandle, { workers }: { workers: number }) {
  const report: LoadReport = { acknowledged: [], failed: 0, unexpected: [], slowestMs: 0 };
  let running = true;

  const worker = async () => {
    while (running) {
      const id = nextId++;
      const started = performance.now();
      try {
        await handle.db.transaction(async (tx) => {
          await tx.execute(sql`insert into fault_writes (id, payload) values (${id}, ${`write ${id}`})`);
          await tx.execute(sql`select payload from fault_writes where id = ${id}`);
        });
        report.acknowledged.push(id);
      } catch (error) {
        if (isDatabaseUnavailable(error)) report.failed++;
        else report.unexpected.push(String((error as Error).cause ?? (error as Error).message));
        await new Promise((resolve) => setTimeout(resolve, 20)); // a client backing off a little
      } finally {
        report.slowestMs = Math.max(report.slowestMs, performance.now() - started);
      }
    }
  };
  const loops = Array.from({ length: workers }, worker);
  return {
    async stop(): Promise<LoadReport> {
      running = false;
      await Promise.all(loops);
      return report;
    },
  };
}

/** Milliseconds until `check` first resolves true, trying every 25 ms; throws past limitMs. */
export async function timeUntil(check: () => Promise<boolean>, { limitMs }: { limitMs: number }): Promise<number> {
  const started = performance.now();
  for (;;) {
    const ok = await check().catch(() => false);
    const elapsed = performance.now() - started;
    if (ok) return elapsed;
    if (elapsed > limitMs) throw new Error(`still failing after ${Math.round(elapsed)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
