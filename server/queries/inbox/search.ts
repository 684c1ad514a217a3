import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';

/** Each source gives at most this many of its most recent matches: a common word never ranks the table. */
export const SEARCH_CAP = 1000;
/**
 * How many of the newest rows a search reads before it asks the GIN index instead. A word in more than
 * SEARCH_CAP / RECENT_WINDOW (2%) of rows fills its cap inside the window; a rarer one is cheap in the index.
 */
export const RECENT_WINDOW = 50_000;
/** Highlight markers, split into <mark> by the client; never HTML, so user text cannot inject any. */
export const MARK_START = '\u27E6';
export const MARK_END = '\u27E7';

/**
 * The SEARCH_CAP most recent rows of one table whose stored vector matches, with their rank. Two plans in
 * one statement, so no estimate can pick the wrong one: first the newest RECENT_WINDOW rows (a common word
 * fills the cap there), then, only when that found fewer than the cap, the GIN index (a rarer word has few
 * matches, and "id + 0" keeps the planner from walking the table in id order to find them).
 */
function recentMatches(table: 'tickets' | 'messages', q: string): SQL {
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  const [vector, ticketId, weight] = table === 'tickets' ? ['subject_tsv', 'id', 2] : ['body_tsv', 'ticket_id', 1];
  const t = sql.raw(table);
  const v = sql.raw(vector);
  const tid = sql.raw(ticketId);
  const w = sql.raw(String(weight));
  return sql`(
    with recent as (
      select ticket_id, ${w} * ts_rank(v, ${tsq}) as rank
      from (select id, ${tid} as ticket_id, ${v} as v from ${t} order by id desc limit ${RECENT_WINDOW}) newest
      where v @@ ${tsq} order by id desc limit ${SEARCH_CAP}
    )
    select ticket_id, rank from recent
    union all
    (select ${tid}, ${w} * ts_rank(${v}, ${tsq}) from ${t}
      where ${v} @@ ${tsq} and (select count(*) from recent) < ${SEARCH_CAP}
      order by id + 0 desc limit ${SEARCH_CAP})
  )`;
}

/**
 * Tickets matching `q`, each with its best rank: subjects (weighing double) and message bodies by full-text
 * search over a bounded recent set each, customers' names and emails by trigram.
 */
export function searchHits(db: Db, q: string) {
  const like = `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db.$with('hits', { ticketId: sql<number>`ticket_id`.as('ticket_id'), rank: sql<number>`rank`.as('rank') }).as(sql`
    select ticket_id, (max(rank))::float8 as rank from (
      ${recentMatches('tickets', q)}
      union all
      ${recentMatches('messages', q)}
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
      where m.ticket_id = tickets.id and m.body_tsv @@ ${tsq} order by m.id desc limit 1)`,
  };
}
