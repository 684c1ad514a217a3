import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';

/**
 * One checksum per table of the app's schema (not the job queue's): its row count and a hash of its rows as
 * text, sorted. Equal before and after a request means it wrote nothing, not even half a row.
 */
export async function databaseChecksum(db: Db): Promise<Map<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select quote_ident(table_name) as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  ).map((t) => t.name);
  const parts = tables.map((name) => `select '${name}' as name, count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from public.${name} t`);
  const rows = rowsOf<{ name: string; sum: string }>(await db.execute(sql.raw(parts.join(' union all '))));
  return new Map(rows.map((r) => [r.name, r.sum]));
}

/** The tables whose rows differ between two checksums (empty when nothing was written). */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
}
