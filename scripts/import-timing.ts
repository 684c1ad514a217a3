/**
 * Times the history import: 10,000 generated tickets (about 5 events each) in 10 requests of 1,000,
 * straight through importTickets.
 *
 *   npx tsx scripts/import-timing.ts                      # a fresh in-memory PGlite
 *   DATABASE_URL=postgres://… npx tsx scripts/import-timing.ts   # that (migrated) Postgres database
 *
 * Use a scratch Postgres database: the script writes 10,000 tickets into it.
 */
import { migratePgliteClient, migratePostgresUrl, pgliteClient, pgliteHandle, postgresHandle, type DbHandle } from '@/db/client';
import { importTickets } from '@/server/services/import';

const TOTAL = Number(process.env.IMPORT_TOTAL ?? 10_000);
const BATCH = 1_000;
const START = Date.parse('2024-01-01T08:00:00Z');
const HOUR = 3_600_000;

const STAFF = ['ana@support.test', 'ben@support.test', 'chloe@support.test', 'dev@support.test', 'eve@support.test', 'old.timer@legacy.test'];
const TEAMS = ['Support', 'Billing', 'Returns'];
const TAGS = ['wait_time', 'billing_error', 'positive', 'negative', 'legacy_vip', 'legacy_escalated'];
const STAGES = ['awareness', 'purchase', 'onboarding', 'usage', 'renewal'];
const TOUCHPOINTS = ['website', 'mobile_app', 'email', 'delivery', 'billing'];
const CHANNELS = ['portal', 'email', 'phone', 'chat', 'api', 'social'] as const;

const iso = (ms: number) => new Date(ms).toISOString();

/** Ticket n: opened by the customer, answered, solved; some reopen, some are rated, some closed. */
function record(n: number) {
  const createdAt = START + n * 37 * 60_000;
  const agent = STAFF[n % STAFF.length];
  const customer = { email: `Customer${n % 2_500}@Example.test`, name: `Customer ${n % 2_500}` };
  const events: unknown[] = [
    { type: 'message', at: iso(createdAt), author: 'customer', visibility: 'public', body: `Ticket ${n}: my order has not arrived.` },
    { type: 'message', at: iso(createdAt + HOUR), author: agent, visibility: 'public', body: 'Sorry about that, checking with the courier.' },
    { type: 'message', at: iso(createdAt + HOUR + 60_000), author: agent, visibility: 'internal', body: 'Courier ticket 5521.' },
    { type: 'status', at: iso(createdAt + 2 * HOUR), status: 'solved', by: agent },
  ];
  if (n % 5 === 0) {
    events.push({ type: 'message', at: iso(createdAt + 3 * HOUR), author: 'customer', visibility: 'public', body: 'Still nothing.' });
    events.push({ type: 'status', at: iso(createdAt + 4 * HOUR), status: 'solved', by: agent });
  }
  if (n % 3 === 0) events.push({ type: 'csat', at: iso(createdAt + 5 * HOUR), score: 1 + (n % 5), comment: 'ok' });
  if (n % 4 === 0) events.push({ type: 'status', at: iso(createdAt + 100 * HOUR), status: 'closed', by: agent });
  return {
    external_id: `TIMING-${n}`,
    subject: `Order ${n} late`,
    customer,
    created_at: iso(createdAt),
    created_by: 'customer',
    channel: CHANNELS[n % CHANNELS.length],
    priority: 'normal',
    journey_stage: STAGES[n % STAGES.length],
    touchpoint: TOUCHPOINTS[n % TOUCHPOINTS.length],
    tags: [TAGS[n % TAGS.length]],
    team: TEAMS[n % TEAMS.length],
    assignee: agent,
    events,
  };
}

async function open(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    await migratePostgresUrl(url);
    return postgresHandle(url);
  }
  const client = pgliteClient();
  await migratePgliteClient(client);
  return pgliteHandle(client);
}

async function main() {
  const handle = await open();
  try {
    const records = Array.from({ length: TOTAL }, (_, n) => record(n));
    const events = records.reduce((sum, r) => sum + r.events.length, 0);
    const started = performance.now();
    let imported = 0;
    let failed = 0;
    for (let i = 0; i < records.length; i += BATCH) {
      const batchStarted = performance.now();
      const result = await importTickets(handle.db, records.slice(i, i + BATCH));
      imported += result.imported;
      failed += result.failed.length;
      if (result.failed.length) console.error(result.failed.slice(0, 3));
      console.log(`batch ${i / BATCH + 1}: ${result.imported} imported, ${result.skipped} skipped, ${result.failed.length} failed in ${((performance.now() - batchStarted) / 1000).toFixed(2)} s`);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`${handle.kind}: ${imported} tickets (${events} events), ${failed} failed, in ${seconds.toFixed(1)} s (${Math.round(imported / seconds)} tickets/s)`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
