import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '@/db/schema';
import { createTestDb, describeDb, type TestDbHandle } from './helpers/db';

describe(`test harness (${describeDb})`, () => {
  let a: TestDbHandle;
  let b: TestDbHandle;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDb(), createTestDb()]);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('runs on the expected database kind', () => {
    expect(a.kind).toBe(describeDb);
  });

  it('answers select 1 through drizzle', async () => {
    const result = await a.db.execute(sql`select 1 as one`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { one: number }[];
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].one)).toBe(1);
  });

  it('is migrated (the tickets table exists)', async () => {
    const result = await a.db.execute(sql`select to_regclass('public.tickets')::text as name`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { name: string | null }[];
    expect(rows[0].name).toBe('tickets');
  });

  it('can use pg_trgm (the PGlite copies keep their extensions)', async () => {
    await a.db.execute(sql`create extension if not exists pg_trgm`);
    const result = await a.db.execute(sql`select similarity('refund', 'refunds') > 0.5 as close`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { close: boolean }[];
    expect(rows[0].close).toBe(true);
  });

  it('runs in UTC', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(new Date(0).getHours()).toBe(0);
  });

  it('gives each createTestDb() its own database', async () => {
    await a.db.insert(teams).values({ name: 'Only in A' });
    expect(await a.db.select().from(teams)).toHaveLength(1);
    expect(await b.db.select().from(teams)).toHaveLength(0);
  });
});
