/**
 * `npm run bench -- --size 10k|100k|1m|<number> [--duration 10] [--skip-seed] [--routes a,b]`
 * Seeds a dedicated Postgres database, starts the built app against it, measures the product's routes over
 * HTTP with autocannon and writes bench/results/<size>-<time>.{json,md}. See bench/README.md.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createBenchToken, signInStaff } from './auth';
import { measureRoute, type RouteResult } from './measure';
import { cpuTimes, machineInfo, renderMarkdown, stealBetween, writeReport, type BenchReport } from './report';
import { ROUTE_NAMES, buildRoutes, routeContext } from './routes';
import { seedDatabase, type SeedResult } from './seed';
import { SERVER_LOG, ensureBuild, serverRss, startServer, type RunningServer } from './server';
import { verifySample } from './verify';

const USAGE = `Usage: npm run bench -- --size (or --tickets) 10k|100k|1m|<number> [--duration 10] [--skip-seed] [--routes a,b]
       [--build] [--port 3199] [--no-message-events]
Routes: ${ROUTE_NAMES.join(', ')}
Database: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/touchpoint_bench); it is dropped and recreated.
Results: bench/results, or BENCH_RESULTS_DIR.`;

class UsageError extends Error {}
const log = (line = '') => process.stdout.write(`${line}\n`);
const loadAvg = () => Math.round(os.loadavg()[0] * 100) / 100;

function parseSize(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(raw.trim());
  if (!m) throw new UsageError(`--size must be 10k, 100k, 1m or a number of tickets (got "${raw}")`);
  const n = Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1));
  if (n < 100 || n > 20_000_000) throw new UsageError('--size must be between 100 and 20m tickets');
  return n;
}

/** 100000 → 100k, 1000000 → 1m, 2345 → 2345 (for --skip-seed, where the data decides the label). */
const sizeLabelOf = (n: number) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}m` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n));

function parseCli() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      /** The issue's spelling: --tickets 10000 | 100000 | 1000000 (same as --size). */
      tickets: { type: 'string' },
      duration: { type: 'string', default: '10' },
      'skip-seed': { type: 'boolean', default: false },
      routes: { type: 'string' },
      build: { type: 'boolean', default: false },
      port: { type: 'string', default: '3199' },
      'no-message-events': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    log(USAGE);
    process.exit(0);
  }
  const size = values.tickets ?? values.size ?? '10k';
  const tickets = parseSize(size);
  const duration = Number(values.duration);
  if (!Number.isFinite(duration) || duration < 1 || duration > 600) throw new UsageError('--duration must be 1–600 seconds');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new UsageError('--port must be 1024–65535');
  const routes = values.routes ? values.routes.split(',').map((r) => r.trim()).filter(Boolean) : [...ROUTE_NAMES];
  const unknown = routes.filter((r) => !(ROUTE_NAMES as readonly string[]).includes(r));
  if (unknown.length) throw new UsageError(`Unknown route(s) ${unknown.join(', ')}; choose from ${ROUTE_NAMES.join(', ')}`);
  return {
    tickets,
    sizeLabel: size.trim().toLowerCase(),
    duration,
    skipSeed: values['skip-seed']!,
    routes,
    build: values.build!,
    port,
    messageEvents: !values['no-message-events'],
  };
}

async function dataFacts(sql: postgres.Sql) {
  const [row] = await sql<{ tickets: number; messages: number; events: number; customers: number; size: string; version: string }[]>`
    select (select count(*) from tickets)::int as tickets, (select count(*) from messages)::int as messages,
      (select count(*) from ticket_events)::int as events, (select count(*) from customers)::int as customers,
      pg_size_pretty(pg_database_size(current_database())) as size, current_setting('server_version') as version`;
  const settings = await sql<{ name: string; setting: string }[]>`
    select name, current_setting(name) as setting from pg_settings
    where name in ('shared_buffers', 'work_mem', 'autovacuum', 'jit', 'max_parallel_workers_per_gather') order by name`;
  return { row, settings: Object.fromEntries(settings.map((s) => [s.name, s.setting])) };
}

async function main(): Promise<number> {
  const opts = parseCli();
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/touchpoint_bench';
  const startedAt = new Date();
  const loadBefore = loadAvg();
  const what = opts.skipSeed ? 'reusing the seeded data' : `${opts.tickets.toLocaleString('en-US')} tickets`;
  log(`Touchpoint bench: ${what}, ${opts.duration} s per run, database ${url.replace(/\/\/[^@]*@/, '//…@')}`);

  let seed: SeedResult | null = null;
  if (!opts.skipSeed) {
    log('Seeding:');
    seed = await seedDatabase(url, opts.tickets, { messageEvents: opts.messageEvents, log });
    log(`  total ${seed.totalSeconds.toFixed(1)} s`);
  }

  const sql = postgres(url, { max: 2, onnotice: () => {} });
  let server: RunningServer | null = null;
  try {
    if (seed) {
      const problems = await verifySample(sql);
      log(problems.length ? `  WARNING: ${problems.length} seeded facts disagree with a replay of their events:\n    ${problems.slice(0, 5).join('\n    ')}` : '  verified: sampled tickets match a replay of their events');
    }
    log('Server:');
    await ensureBuild(opts.build, log);
    server = await startServer({ port: opts.port, databaseUrl: url, log });
    log(`  next start on ${server.baseUrl} (process group ${server.pgid}, log ${SERVER_LOG})`);
    const token = await createBenchToken(sql);
    const cookie = await signInStaff(server.baseUrl);
    const idle = serverRss(server.pgid);
    const ctx = await routeContext(sql, server.baseUrl, token);
    const routes = buildRoutes(ctx, new Date()).filter((r) => opts.routes.includes(r.name));

    log(`Measuring ${routes.length} routes (2 s warm-up, ${opts.duration} s @1, ${opts.duration} s @10 each):`);
    const results: RouteResult[] = [];
    const cpuBefore = cpuTimes();
    for (const route of routes) {
      const headers: Record<string, string> = route.auth === 'bearer' ? { authorization: `Bearer ${token}` } : { cookie };
      const r = await measureRoute(server.baseUrl, route, headers, opts.duration);
      const ended = server.exitReason();
      if (ended) throw new Error(`The app server ${ended} while measuring ${route.name}. Server log: ${SERVER_LOG}`);
      results.push(r);
      log(
        r.state === 'ok'
          ? `  ${r.name.padEnd(20)} p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  ${r.rps10} req/s @10  ${r.bytes} B`
          : `  ${r.name.padEnd(20)} ${r.state.toUpperCase()}: ${r.message?.split('\n')[0].slice(0, 200)}`,
      );
    }
    const stealPercent = stealBetween(cpuBefore, cpuTimes());
    if (stealPercent !== null) log(`  CPU steal while measuring: ${stealPercent} %`);
    const after = serverRss(server.pgid);
    const loadAfter = loadAvg();
    const facts = await dataFacts(sql);
    const report: BenchReport = {
      sizeLabel: seed ? opts.sizeLabel : sizeLabelOf(facts.row.tickets),
      startedAt: startedAt.toISOString(),
      durationSeconds: opts.duration,
      machine: machineInfo(),
      loadAverage: { before: loadBefore, after: loadAfter },
      stealPercent,
      postgres: { version: facts.row.version, settings: facts.settings },
      data: {
        tickets: facts.row.tickets, messages: facts.row.messages, events: facts.row.events, customers: facts.row.customers,
        databaseSize: facts.row.size, openTickets: ctx.openCount, deepOffset: ctx.deepOffset,
      },
      seed,
      server: { idleRssMb: idle.rssMb, rssMb: after.rssMb, groupRssMb: after.groupRssMb, pid: after.pid },
      routes: results,
    };
    const files = writeReport(report, process.env.BENCH_RESULTS_DIR || undefined);
    log('');
    log(renderMarkdown(report));
    log(`Wrote ${files.md} and ${files.json}`);
    const failed = results.filter((r) => r.state === 'failed');
    if (failed.length) {
      process.stderr.write(`\nbench: ${failed.length} route(s) failed: ${failed.map((r) => `${r.name} (${r.message?.split('\n')[0].slice(0, 160)})`).join('; ')}\n`);
      process.stderr.write(`Server log: ${SERVER_LOG}\n`);
      return 1;
    }
    return 0;
  } finally {
    if (server) await server.stop();
    await sql.end();
  }
}

process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
    else process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
