import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pgliteClient, pgliteHandle, migratePgliteClient } from '@/db/client';

async function main() {
  const mod = process.argv[2] === 'orig' ? await import('@/server/seed/demo-orig.tmp') : await import('@/server/seed/demo');
  const client = pgliteClient();
  await migratePgliteClient(client);
  const { db, close } = pgliteHandle(client);
  const result = await mod.seedDemo(db, { now: new Date('2026-06-15T12:00:00Z') });
  const queries: Record<string, string> = {
    tickets: 'select id, subject, status, created_at, first_response_at, first_solved_at, fcr from tickets order by id',
    ticketsAll: 'select * from tickets order by id',
    messages: 'select * from messages order by id',
    events: 'select * from ticket_events order by id',
    csat: 'select * from csat_ratings order by id',
    customers: 'select id, name, email from customers order by id',
  };
  console.log('result', JSON.stringify(result));
  for (const [name, q] of Object.entries(queries)) {
    const res = await db.execute(sql.raw(q));
    const rows = (res as unknown as { rows: unknown[] }).rows;
    console.log(name, rows.length, createHash('sha256').update(JSON.stringify(rows)).digest('hex'));
    if (rows.length) for (const col of Object.keys(rows[0] as object)) console.log('  ', name, col, createHash('sha256').update(JSON.stringify(rows.map((r) => (r as Record<string, unknown>)[col]))).digest('hex').slice(0, 16));
  }
  await close();
}
main().catch((e) => { console.error(e); process.exit(1); });
