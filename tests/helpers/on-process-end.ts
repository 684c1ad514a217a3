/**
 * Cleanup that must run however the test process ends: normally, or on Ctrl-C / SIGTERM (npm test
 * forwards one to the stage's process group). Servers that tests start in sessions of their own (pg_ctl's
 * postmaster, `next start` in its process group) would otherwise outlive it. Each hook runs once.
 */
type Hook = () => void;
const hooks = new Set<Hook>();
let installed = false;

function runHooks() {
  for (const hook of [...hooks]) {
    hooks.delete(hook);
    try {
      hook();
    } catch {
      /* best effort: keep cleaning up */
    }
  }
}

function install() {
  if (installed) return;
  installed = true;
  process.on('exit', runHooks);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      runHooks();
      process.exit(code);
    });
  }
}

/** Registers a synchronous cleanup; returns a function that unregisters it (after a normal cleanup). */
export function onProcessEnd(hook: Hook): () => void {
  install();
  hooks.add(hook);
  return () => hooks.delete(hook);
}
