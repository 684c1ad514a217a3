/** Runs once per server process before it serves requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    await (await import('./server/startup')).startServer();
  }
}
