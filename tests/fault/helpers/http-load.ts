/** HTTP load against the running app: writers posting notes, readers listing tickets, and a health prober. */

export interface Sample {
  kind: 'write' | 'read' | 'health';
  status: number; // 0: no answer (connection refused or aborted)
  ms: number;
  at: number;
  retryAfter: string | null;
  error?: string;
}

/** A request that gives up after `limitMs`, so a hanging one shows as status 0 with its time, not a stuck test. */
export async function timedFetch(url: string, init: RequestInit = {}, limitMs = 20_000) {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(limitMs), redirect: 'manual' });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, headers: response.headers, text };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, headers: new Headers(), text: '', error: String((error as Error).cause ?? error) };
  }
}

export function startHttpLoad(baseUrl: string, token: string, ticketIds: number[], { writers = 6, readers = 2 } = {}) {
  const samples: Sample[] = [];
  const acknowledged: number[] = [];
  let running = true;
  let n = 0;
  const auth = { authorization: `Bearer ${token}` };
  const record = (kind: Sample['kind'], r: Awaited<ReturnType<typeof timedFetch>>) =>
    samples.push({ kind, status: r.status, ms: r.ms, at: Date.now(), retryAfter: r.headers.get('retry-after'), error: r.error });
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const writer = async (w: number) => {
    while (running) {
      const ticketId = ticketIds[(n++ + w) % ticketIds.length];
      const r = await timedFetch(`${baseUrl}/api/v1/tickets/${ticketId}/messages`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ body: `fault-load note ${w}-${n}`, visibility: 'internal' }),
      });
      record('write', r);
      if (r.status === 201) acknowledged.push((JSON.parse(r.text) as { message_id: number }).message_id);
      else await pause(50); // a client told to wait, waiting a little
    }
  };
  const reader = async () => {
    while (running) {
      const r = await timedFetch(`${baseUrl}/api/v1/tickets?limit=5`, { headers: auth });
      record('read', r);
      if (r.status !== 200) await pause(50);
    }
  };
  const prober = async () => {
    while (running) {
      record('health', await timedFetch(`${baseUrl}/api/health`));
      await pause(100);
    }
  };
  const loops = [
    ...Array.from({ length: writers }, (_, w) => writer(w)),
    ...Array.from({ length: readers }, reader),
    prober(),
  ];
  return {
    samples,
    acknowledged,
    async stop() {
      running = false;
      await Promise.all(loops);
      return { samples, acknowledged };
    },
  };
}

/** What the samples say, for assertions and the report. */
export function summarize(samples: Sample[]) {
  const api = samples.filter((s) => s.kind !== 'health');
  const health = samples.filter((s) => s.kind === 'health');
  const unexpected = samples.filter((s) => ![200, 201, 503].includes(s.status));
  const unavailable = api.filter((s) => s.status === 503);
  return {
    requests: samples.length,
    unexpected: unexpected.map((s) => `${s.kind} ${s.status} in ${Math.round(s.ms)} ms${s.error ? ` (${s.error})` : ''}`),
    unavailableWithoutRetryAfter: unavailable.filter((s) => !s.retryAfter).length,
    unavailable: unavailable.length,
    slowestApiMs: Math.max(0, ...api.map((s) => s.ms)),
    slowestHealthMs: Math.max(0, ...health.map((s) => s.ms)),
  };
}
