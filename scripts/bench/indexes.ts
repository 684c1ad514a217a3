/**
 * Bulk loads go faster into bare tables: drop the secondary indexes and foreign keys of the tables we fill,
 * load, then rebuild them from their own definitions (so indexes added by any later migration come back too).
 * Primary keys stay: they are appended to in order, which is cheap.
 */
import type postgres from 'postgres';

export const LOADED_TABLES = ['customers', 'tickets', 'messages', 'ticket_events', 'csat_ratings', 'ticket_tags'];

export interface SavedDdl {
  indexes: { name: string; table: string; def: string }[];
  foreignKeys: { name: string; table: string; def: string }[];
}

export async function dropLoadIndexes(sql: postgres.Sql): Promise<SavedDdl> {
  const indexes = await sql<{ name: string; table: string; def: string }[]>`
    select ic.relname as name, tc.relname as "table", pg_get_indexdef(i.indexrelid) as def
    from pg_index i
    join pg_class ic on ic.oid = i.indexrelid
    join pg_class tc on tc.oid = i.indrelid
    where tc.relnamespace = 'public'::regnamespace and tc.relname = any(${LOADED_TABLES})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by tc.relname, ic.relname`;
  const foreignKeys = await sql<{ name: string; table: string; def: string }[]>`
    select c.conname as name, tc.relname as "table", pg_get_constraintdef(c.oid) as def
    from pg_constraint c join pg_class tc on tc.oid = c.conrelid
    where c.contype = 'f' and tc.relnamespace = 'public'::regnamespace and tc.relname = any(${LOADED_TABLES})
    order by tc.relname, c.conname`;
  for (const fk of foreignKeys) await sql.unsafe(`alter table "${fk.table}" drop constraint "${fk.name}"`);
  for (const ix of indexes) await sql.unsafe(`drop index "${ix.name}"`);
  return { indexes: [...indexes], foreignKeys: [...foreignKeys] };
}

export async function restoreLoadIndexes(sql: postgres.Sql, saved: SavedDdl): Promise<void> {
  for (const ix of saved.indexes) await sql.unsafe(ix.def);
  for (const fk of saved.foreignKeys) await sql.unsafe(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.def}`);
}
