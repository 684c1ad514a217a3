import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';

/** Each source gives at most this many of its most recent matches: a common word never ranks the table. */
export const SEARCH_CAP = 1000;
/** Highlight markers, split into <mark> by the client; never HTML, so user text cannot inject any. */
export const MARK_START = '\u27E6';
export const MARK_END = '\u27E7';

/**
 * Tickets matching `q`, each with a rank: subjects and message bodies by full-text search (subject weighs
 * double), customers' names and emails by trigram. A bounded recent set per source.
 */
export function searchHits(db: Db, q: string) {
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  const like = `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return db.$with('hits', { ticketId: sql<number>`ticket_id`.as('ticket_id'), rank: sql<number>`rank`.as('rank') }).as(sql`
    select ticket_id, (max(rank))::float8 as rank from (
      (select s.id as ticket_id, 2 * ts_rank(to_tsvector('english', s.subject), ${tsq}) as rank
         from tickets s where to_tsvector('english', s.subject) @@ ${tsq}
         order by s.id desc limit ${SEARCH_CAP})
      union all
      (select m.ticket_id, ts_rank(to_tsvector('english', m.body), ${tsq}) as rank
         from messages m where to_tsvector('english', m.body) @@ ${tsq}
         order by m.id desc limit ${SEARCH_CAP})
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
