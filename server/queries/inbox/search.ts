import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db/client';

/** Each source gives at most this many of its most recent matches: a common word never ranks the table. */
export const SEARCH_CAP = 1000;
/** Highlight markers, split into <mark> by the client; never HTML, so user text cannot inject any. */
export const MARK_START = '\u27E6';
export const MARK_END = '\u27E7';

/**
 * Tickets matching `q`, each with a rank: subjects and message bodies by full-text search (subject weighs
 * double), customers' names and emails by trigram. A bounded recent set per source, found the fast way for
 * the word's frequency: a common word by walking the newest rows (it matches soon), a rare one through the
 * GIN index ("id + 0" stops the planner from walking the whole table for a word that matches nothing).
 */
export function searchHits(db: Db, q: string, common: { subjects: boolean; messages: boolean }) {
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  const recentFirst = (id: string, isCommon: boolean) => sql.raw(isCommon ? `${id} desc` : `${id} + 0 desc`);
  const like = `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db.$with('hits', { ticketId: sql<number>`ticket_id`.as('ticket_id'), rank: sql<number>`rank`.as('rank') }).as(sql`
    select ticket_id, (max(rank))::float8 as rank from (
      (select s.id as ticket_id, 2 * ts_rank(to_tsvector('english', s.subject), ${tsq}) as rank
         from tickets s where to_tsvector('english', s.subject) @@ ${tsq}
         order by ${recentFirst('s.id', common.subjects)} limit ${SEARCH_CAP})
      union all
      (select m.ticket_id, ts_rank(to_tsvector('english', m.body), ${tsq}) as rank
         from messages m where to_tsvector('english', m.body) @@ ${tsq}
         order by ${recentFirst('m.id', common.messages)} limit ${SEARCH_CAP})
      union all
      (select ct.id as ticket_id, 1.5 as rank
         from customers c join tickets ct on ct.customer_id = c.id
         where lower(c.email) like ${like} or lower(c.name) like ${like} or lower(c.name) % lower(${q})
         order by ct.id desc limit ${SEARCH_CAP})
    ) matches group by ticket_id`);
}

/** Subject with the matching words marked, and a marked snippet of the best matching message. */
export function highlightFields(q: string): { subjectHighlight: SQL<string>; snippet: SQL<string | null> } {
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
  const snippetOptions = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxFragments=1, MaxWords=24, MinWords=10`;
  return {
    subjectHighlight: sql<string>`ts_headline('english', tickets.subject, ${tsq}, ${options})`,
    snippet: sql<string | null>`(select ts_headline('english', m.body, ${tsq}, ${snippetOptions}) from messages m
      where m.ticket_id = tickets.id and to_tsvector('english', m.body) @@ ${tsq} order by m.id desc limit 1)`,
  };
}

const COMMON_AT = 5000;

/** Whether `q` is a common term in subjects and in messages: a match count capped at 5,001 (GIN bitmap). */
export async function searchFrequency(db: Db, q: string): Promise<{ subjects: boolean; messages: boolean }> {
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  const result = await db.execute(sql`select
    (select count(*) from (select 1 from tickets s where to_tsvector('english', s.subject) @@ ${tsq} limit ${COMMON_AT + 1}) x)::int as subjects,
    (select count(*) from (select 1 from messages m where to_tsvector('english', m.body) @@ ${tsq} limit ${COMMON_AT + 1}) y)::int as messages`);
  const [row] = rowsOf<{ subjects: number; messages: number }>(result);
  return { subjects: row.subjects > COMMON_AT, messages: row.messages > COMMON_AT };
}
