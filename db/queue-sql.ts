import type { PGlite } from '@electric-sql/pglite';
import type { Db } from '@/db/client';

/** What pg-boss calls to run its SQL when it does not own the connection. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

type RawClient =
  | { unsafe(text: string, values?: unknown[]): Promise<Record<string, unknown>[]> }
  | { query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>; exec(text: string): Promise<{ rows: Record<string, unknown>[] }[]> };

/**
 * pg's driver sends undefined as NULL and objects as JSON; postgres.js refuses undefined, and both it
 * and PGlite need objects as text for a `::jsonb` parameter.
 */
function asParam(value: unknown) {
  if (value === undefined) return null;
  return value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value) ? JSON.stringify(value) : value;
}

function executorFor(client: RawClient): SqlExecutor {
  return {
    async executeSql(text, values) {
      if ('unsafe' in client) return { rows: await client.unsafe(text, (values ?? []).map(asParam) as never[]) };
      // pg-boss sends several statements at once when it has no parameters: only exec() takes those.
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      }
      return client.query(text, values.map(asParam));
    },
  };
}

/**
 * Runs pg-boss's SQL on a drizzle database or transaction, so a job is enqueued in the same transaction
 * as the change that caused it: a rolled-back change leaves no job behind.
 */
export function executorForDb(db: Db): SqlExecutor {
  return executorFor((db._.session as unknown as { client: RawClient }).client);
}

/** pg-boss's SQL on a postgres.js client (the migration connection). */
export function postgresExecutor(client: { unsafe(text: string, values?: never[]): Promise<unknown> }): SqlExecutor {
  return executorFor(client as unknown as RawClient);
}

/** pg-boss on the embedded database (DESIGN.md): exec() without parameters, query() with them. */
export function executorForPglite(client: PGlite): SqlExecutor {
  return executorFor(client as unknown as RawClient);
}
