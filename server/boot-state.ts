/**
 * Where this process's start-up stands: 'starting' until the database has been opened, migrated and
 * (when asked) seeded, then 'ready'. Kept on globalThis because instrumentation.ts and the route handlers
 * are separate bundles in a Next build, each with its own copy of this module.
 */
export interface BootStatus {
  state: 'starting' | 'ready';
  /** Failed attempts so far (the database was down, say). */
  failedAttempts: number;
  lastError?: string;
  startedAt: number;
  readyAt?: number;
}

const globalForBoot = globalThis as unknown as { __touchpointBoot?: BootStatus };

export function bootStatus(): BootStatus {
  return (globalForBoot.__touchpointBoot ??= { state: 'starting', failedAttempts: 0, startedAt: Date.now() });
}

export function markBootFailed(error: unknown): BootStatus {
  const status = bootStatus();
  status.failedAttempts++;
  status.lastError = error instanceof Error ? error.message : String(error);
  return status;
}

export function markBootReady(): void {
  const status = bootStatus();
  status.state = 'ready';
  status.readyAt = Date.now();
  status.lastError = undefined;
}
