/** Measures one route with autocannon: a probe, a 2 s warm-up, latency at 1 connection, throughput at 10. */
import http from 'node:http';
import autocannon, { type AutocannonResult } from 'autocannon';
import type { Budget, RouteDef } from './routes';

export interface RouteResult {
  name: string;
  method: 'GET' | 'POST';
  paths: string[];
  state: 'ok' | 'not available' | 'failed';
  httpStatus?: number;
  message?: string;
  samples?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  mean?: number;
  rps10?: number;
  /** The body as the app renders it, and as it crosses the wire to a browser (gzip). */
  bytes?: number;
  wireBytes?: number;
  budget?: Budget;
  withinBudget?: boolean | null;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const round = (n: number) => Math.round(n * 10) / 10;

const okStatus = (route: RouteDef) => (route.post ? 201 : 200);

function requestInit(route: RouteDef, headers: Record<string, string>) {
  if (!route.post) return { method: 'GET', headers };
  return { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: route.post.body };
}

async function probe(baseUrl: string, route: RouteDef, headers: Record<string, string>) {
  let bytes = 0;
  for (const [i, p] of route.paths.entries()) {
    const res = await fetch(baseUrl + p, { ...requestInit(route, headers), redirect: 'manual' });
    const body = Buffer.from(await res.arrayBuffer());
    if (i === 0) bytes = body.length;
    if (res.status !== okStatus(route)) return { status: res.status, path: p, body: body.toString('utf8').slice(0, 300), bytes };
  }
  return { status: okStatus(route), path: route.paths[0], body: '', bytes };
}

/** Body bytes as sent to a client that accepts gzip, as every browser does (Next compresses responses). */
function wireBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { ...headers, 'accept-encoding': 'gzip' } }, (res) => {
        let n = 0;
        res.on('data', (chunk: Buffer) => (n += chunk.length));
        res.on('end', () => resolve(n));
      })
      .on('error', reject);
  });
}

async function run(baseUrl: string, route: RouteDef, headers: Record<string, string>, connections: number, duration: number, latencies?: number[]) {
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration,
    timeout: 60,
    headers,
    requests: route.paths.map((path) => ({ path, ...requestInit(route, headers) })),
  });
  if (latencies) {
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  }
  const result: AutocannonResult = await instance;
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) {
    const codes = Object.entries(result.statusCodeStats).map(([code, s]) => `${code}×${s.count}`).join(', ');
    throw new Error(`${bad} failed requests at ${connections} connection(s) (status ${codes}; errors ${result.errors}, timeouts ${result.timeouts})`);
  }
  return result;
}

export async function measureRoute(
  baseUrl: string,
  route: RouteDef,
  headers: Record<string, string>,
  duration: number,
): Promise<RouteResult> {
  const base: RouteResult = { name: route.name, method: route.post ? 'POST' : 'GET', paths: route.paths, state: 'ok', budget: route.budget };
  if (!route.paths.length) return { ...base, state: 'not available', message: route.note ?? 'no data to build the request from' };
  let first: Awaited<ReturnType<typeof probe>>;
  try {
    first = await probe(baseUrl, route, headers);
  } catch (error) {
    return { ...base, state: 'failed', message: `no answer: ${(error as Error).cause ?? (error as Error).message}` };
  }
  if (first.status === 404) return { ...base, state: 'not available', httpStatus: 404, message: `${first.path} answered 404` };
  if (first.status !== okStatus(route)) {
    return { ...base, state: 'failed', httpStatus: first.status, message: `${first.path} answered ${first.status}: ${first.body}` };
  }
  try {
    await run(baseUrl, route, headers, 1, 2);
    const latencies: number[] = [];
    await run(baseUrl, route, headers, 1, duration, latencies);
    const throughput = await run(baseUrl, route, headers, 10, duration);
    latencies.sort((a, b) => a - b);
    const result: RouteResult = {
      ...base,
      httpStatus: okStatus(route),
      samples: latencies.length,
      p50: round(percentile(latencies, 0.5)),
      p95: round(percentile(latencies, 0.95)),
      p99: round(percentile(latencies, 0.99)),
      mean: round(latencies.reduce((s, v) => s + v, 0) / Math.max(1, latencies.length)),
      rps10: round(throughput.requests.total / Math.max(0.001, throughput.duration || duration)),
      bytes: first.bytes,
      wireBytes: route.post ? first.bytes : await wireBytes(baseUrl + route.paths[0], headers),
    };
    result.withinBudget = route.budget ? (result[route.budget.stat] ?? Infinity) < route.budget.ms : null;
    return result;
  } catch (error) {
    return { ...base, state: 'failed', message: (error as Error).message };
  }
}
