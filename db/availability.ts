/**
 * Whether this process last found the database unreachable, and since when. Set by whatever meets an
 * outage (a request, start-up, a health probe) and cleared by the next success; proxy.ts reads it to
 * answer page requests with a 503 "we'll be right back" at once. On globalThis: the proxy, instrumentation
 * and route handlers are separate bundles in one process, each with its own copy of this module.
 */
const globalForAvailability = globalThis as unknown as { __touchpointDbDownSince?: number | null };

export function databaseDownSince(): number | null {
  return globalForAvailability.__touchpointDbDownSince ?? null;
}

export function noteDatabaseDown(): void {
  globalForAvailability.__touchpointDbDownSince ??= Date.now();
}

export function noteDatabaseUp(): void {
  globalForAvailability.__touchpointDbDownSince = null;
}
