/** Runs once per server process before it serves requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    // First: every request from now on carries its socket's address (server/http/peer-address.ts).
    (await import('./server/http/peer-channel')).installPeerAddressStamp();
    await (await import('./server/startup')).startServer();
  }
}
