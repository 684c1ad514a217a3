/** Seeds the bench database: drop, create, migrate, then load with set-based SQL (never through the services). */
import postgres from 'postgres';
import { migratePostgresUrl } from '@/db/client';
import { hashPassword } from '@/server/services/passwords';
import { dropLoadIndexes, restoreLoadIndexes } from './indexes';
import { FIRST_NAMES, LAST_NAMES, TEAMS } from './seed-text';
import {
  OPTIONAL_TICKET_COLUMNS, cleanupSql, createdEventsSql, csatSql, functionsSql, messageEventsSql, messagesSql, planSql,
  eventSeqSql, statusEventsSql, tagsSql, textArray, ticketsSql,
} from './seed-sql';

export const BENCH_ADMIN = { email: 'bench-admin@touchpoint.test', password: 'bench-password-1' };
const JOURNEY_KEYS = ['awareness', 'consideration', 'purchase', 'onboarding', 'usage', 'renewal'];
const TOUCHPOINT_KEYS = ['website', 'mobile_app', 'store', 'contact_center', 'email', 'chat', 'social', 'delivery', 'billing'];

export interface SeedStep {
  name: string;
  seconds: number;
}
export interface SeedResult {
  steps: SeedStep[];
  totalSeconds: number;
  optionalColumns: string[];
  messageEvents: boolean;
}

/** Session settings for the load only: big sorts in memory, no fsync wait per statement. */
export function loadClient(url: string): postgres.Sql {
  return postgres(url, {
    max: 1,
    onnotice: () => {},
    // The rollup triggers are paused for this session: the seed rebuilds metric_rollup once, at the end.
    connection: { work_mem: '256MB', maintenance_work_mem: '1GB', synchronous_commit: 'off', jit: 'off', TimeZone: 'UTC', 'touchpoint.rollup_paused': 'on' },
  });
}

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/bench/i.test(name)) {
    throw new Error(`Refusing to drop "${name}": the bench database name must contain "bench" (set BENCH_DATABASE_URL).`);
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end();
  }
}

async function assertTaxonomy(sql: postgres.Sql): Promise<string[]> {
  const stages = new Set((await sql<{ key: string }[]>`select key from journey_stages`).map((r) => r.key));
  const points = new Set((await sql<{ key: string }[]>`select key from touchpoints`).map((r) => r.key));
  const missing = [...JOURNEY_KEYS.filter((k) => !stages.has(k)), ...TOUCHPOINT_KEYS.filter((k) => !points.has(k))];
  if (missing.length) throw new Error(`The default taxonomy is missing ${missing.join(', ')}: update scripts/bench/seed-sql.ts.`);
  const tags = (await sql<{ key: string }[]>`select key from cx_tags where retired_at is null order by position, key`).map((r) => r.key);
  if (!tags.length) throw new Error('cx_tags is empty after migrating: the bench needs the default taxonomy.');
  return tags;
}

async function insertStaff(sql: postgres.Sql): Promise<{ teamIds: number[]; agentIds: number[] }> {
  const teamIds: number[] = [];
  for (const name of TEAMS) teamIds.push((await sql<{ id: number }[]>`insert into teams (name) values (${name}) returning id`)[0].id);
  const agentIds: number[] = [];
  const created = new Date(Date.now() - 400 * 86_400_000);
  for (let t = 0; t < TEAMS.length; t++) {
    for (let i = 0; i < 10; i++) {
      const n = t * 10 + i;
      const name = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[(n * 7) % LAST_NAMES.length]}`;
      const [row] = await sql<{ id: number }[]>`insert into users (email, name, role, team_id, is_available, created_at)
        values (${`agent${n + 1}@bench.touchpoint.test`}, ${name}, 'agent', ${teamIds[t]}, true, ${created}) returning id`;
      agentIds.push(row.id);
    }
  }
  const hash = await hashPassword(BENCH_ADMIN.password);
  await sql`insert into users (email, name, role, team_id, password_hash, is_available, created_at) values
    ('bench-lead@touchpoint.test', 'Bench Lead', 'lead', ${teamIds[0]}, ${hash}, true, ${created}),
    (${BENCH_ADMIN.email}, 'Bench Admin', 'admin', null, ${hash}, false, ${created})`;
  return { teamIds, agentIds };
}

async function insertCustomers(sql: postgres.Sql, count: number): Promise<number> {
  await sql.unsafe(`
    insert into customers (email, name, created_at)
    select 'customer' || g || '@example.com',
      (${textArray(FIRST_NAMES)})[1 + g % ${FIRST_NAMES.length}] || ' ' ||
      (${textArray(LAST_NAMES)})[1 + (g / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
      now() - interval '400 days' + random() * interval '30 days'
    from generate_series(1, ${count}) g`);
  const [row] = await sql<{ min: number }[]>`select min(id)::int as min from customers`;
  return row.min;
}

export async function seedDatabase(
  url: string,
  tickets: number,
  options: { messageEvents: boolean; log: (line: string) => void },
): Promise<SeedResult> {
  const steps: SeedStep[] = [];
  const started = performance.now();
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    let value: T;
    try {
      value = await fn();
    } catch (error) {
      // Name the step: a bare Postgres error ("integer out of range") does not say which statement failed.
      if (error instanceof Error) error.message = `${name}: ${error.message}`;
      throw error;
    }
    const seconds = (performance.now() - t0) / 1000;
    steps.push({ name, seconds });
    options.log(`  ${name.padEnd(34, '.')} ${seconds.toFixed(1).padStart(7)} s`);
    return value;
  };

  await step('drop and create database', () => recreateDatabase(url));
  await step('migrate (db/migrations)', () => migratePostgresUrl(url));
  const sql = loadClient(url);
  try {
    const tagKeys = await assertTaxonomy(sql);
    const present = new Set(
      (await sql<{ c: string }[]>`select column_name as c from information_schema.columns
        where table_schema = 'public' and table_name = 'tickets'`).map((r) => r.c),
    );
    const optionalColumns = Object.keys(OPTIONAL_TICKET_COLUMNS).filter((c) => present.has(c));
    const saved = await step('drop secondary indexes and FKs', () => dropLoadIndexes(sql));
    const { teamIds, agentIds } = await step('teams and staff (32 users)', () => insertStaff(sql));
    const customerCount = Math.max(1, Math.round(tickets / 4));
    const customerMin = await step(`customers (${customerCount})`, () => insertCustomers(sql, customerCount));
    const now = new Date();
    await step('plan (one story per ticket)', async () => {
      await sql.unsafe(functionsSql);
      await sql.unsafe(planSql({ tickets, customerMin, customerCount, agentIds, teamIds, tagKeys, now }));
    });
    await step(`tickets (${tickets})`, () => sql.unsafe(ticketsSql(optionalColumns)));
    await step('messages', () => sql.unsafe(messagesSql()));
    await step('events: created', () => sql.unsafe(createdEventsSql));
    if (options.messageEvents) await step('events: message', () => sql.unsafe(messageEventsSql));
    await step('events: status', () => sql.unsafe(statusEventsSql));
    await step('csat ratings and events', () => sql.unsafe(csatSql));
    await step('tags and events', () => sql.unsafe(tagsSql));
    await step('number each ticket\'s events', () => sql.unsafe(eventSeqSql));
    await step(`rebuild ${saved.indexes.length} indexes, ${saved.foreignKeys.length} FKs`, () => restoreLoadIndexes(sql, saved));
    await sql.unsafe(cleanupSql);
    await step('metric rollup', () => sql.unsafe('select metric_rollup_rebuild(metric_rollup_time_zone())'));
    await step('vacuum analyze', () => sql.unsafe('vacuum analyze'));
    return { steps, totalSeconds: (performance.now() - started) / 1000, optionalColumns, messageEvents: options.messageEvents };
  } finally {
    await sql.end();
  }
}
