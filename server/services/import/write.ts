/**
 * The bulk writes of an import: replayed records go to the database a chunk at a time (multi-row inserts,
 * one transaction per chunk); when a chunk fails in the database, its records are retried one by one, so
 * each record stays atomic and fails alone. Nothing here sends mail, requests CSAT or fires a webhook.
 */
import { getTableColumns, inArray, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { csatRatings, messages, ticketEvents, tickets, ticketTags } from '@/db/schema';
import { derivedFacts } from '@/lib/domain/derived-facts';
import type { TicketEventData, TicketEventDataByType } from '@/lib/domain/ticket-events';
import { initialStatus } from '@/lib/domain/ticket-facts';
import type { ActorKind, TicketEventType } from '@/lib/domain/ticket-values';
import { logger } from '@/lib/logger';
import { personOf } from '@/lib/validation/import';
import { newPublicKey } from '../tickets-create';
import { ensureEntities, mergeAdded, noneAdded, type Added, type Known } from './lookups';
import { applyRecontacts } from './recontacts';
import { authorKindOf, SYSTEM, type ActorRef, type Ready } from './replay';

export interface ImportFailure {
  index: number;
  external_id: string | null;
  error: string;
}

export interface ImportResult {
  imported: number;
  skipped: number;
  failed: ImportFailure[];
  ids: Record<string, number>;
}

const CHUNK_RECORDS = 200;
const CHUNK_EVENTS = 3_000;

/**
 * A multi-row insert through one jsonb parameter, in array order: far cheaper per row than a VALUES list
 * of bound parameters, and free of the 65,535-parameter limit. Identities are drawn in that order, so
 * the ids come back ascending in the order of `rows`.
 */
async function insertRows(tx: Db, table: PgTable, rows: Record<string, unknown>[], { returnIds = false } = {}): Promise<number[]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]);
  // The recordset's fields are the JSON (JS) keys; the table's columns are their snake_case names.
  const names = keys.map((key) => `"${columns[key].keyAsName ? toSnakeCase(key) : columns[key].name}"`);
  const fields = keys.map((key) => `"${key}"`);
  const types = keys.map((key, i) => `${fields[i]} ${columns[key].getSQLType()}`);
  const result = await tx.execute(sql`
    insert into ${table} (${sql.raw(names.join(', '))})
    select ${sql.raw(fields.map((f) => `x.${f}`).join(', '))}
      from rows from (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as (${sql.raw(types.join(', '))}))
           with ordinality as x(${sql.raw([...fields, 'ord'].join(', '))})
     order by x.ord
    ${returnIds ? sql`returning id` : sql``}`);
  if (!returnIds) return [];
  // postgres.js answers an array of rows, PGlite an object with `rows`.
  const returned = (Array.isArray(result) ? result : (result as unknown as { rows: { id: number }[] }).rows) as { id: number }[];
  return returned.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** Writes a chunk of replayed records in the caller's transaction; returns the new ticket ids in order. */
async function writeChunk(tx: Db, items: Ready[], known: Known, added: Added): Promise<number[]> {
  await ensureEntities(tx, items, known, added);
  const lookup = <V>(a: Map<string, V>, b: Map<string, V>, key: string) => (a.get(key) ?? b.get(key))!;
  const staffId = (email: string) => lookup(known.staff, added.staff, email);
  const now = new Date();

  const ticketRows = items.map(({ record, replay }) => {
    const f = replay.facts;
    const teamId = record.team ? lookup(known.teams, added.teams, record.team.toLowerCase()) : null;
    return {
      publicKey: newPublicKey(),
      subject: record.subject,
      status: f.status,
      priority: f.priority,
      channel: record.channel,
      createdByKind: f.createdByKind,
      createdByUserId: personOf(record, record.created_by).kind === 'staff' ? staffId(record.created_by) : null,
      customerId: lookup(known.customers, added.customers, record.customer.email),
      assigneeId: record.assignee ? staffId(record.assignee) : null,
      teamId,
      journeyStage: record.journey_stage,
      touchpoint: record.touchpoint,
      externalId: record.external_id,
      createdAt: f.createdAt,
      updatedAt: now,
      lastActivityAt: replay.lastActivityAt,
      lastPublicActivityAt: replay.lastPublicActivityAt,
      clockStartedAt: f.clockStartedAt,
      firstResponseAt: f.firstResponseAt,
      firstSolvedAt: f.firstSolvedAt,
      lastSolvedAt: f.lastSolvedAt,
      reopenCount: f.reopenCount,
      agentReplyCount: f.agentReplyCount,
      repliesBeforeFirstSolve: f.repliesBeforeFirstSolve,
      customerMessageCount: f.customerMessageCount,
      latestCsatScore: f.latestCsatScore,
      latestCsatAt: f.latestCsatAt,
      ...derivedFacts(f, teamId, false, known.settings),
      version: replay.version,
    };
  });
  const ticketIds = await insertRows(tx, tickets, ticketRows, { returnIds: true });

  const actor = (ref: ActorRef, customerId: number): { actorKind: ActorKind; actorUserId: number | null; actorCustomerId: number | null } => {
    if (ref === 'customer') return { actorKind: 'customer', actorUserId: null, actorCustomerId: customerId };
    if (ref === SYSTEM) return { actorKind: 'system', actorUserId: null, actorCustomerId: null };
    return { actorKind: 'agent', actorUserId: staffId(ref), actorCustomerId: null };
  };
  const messageRows = items.flatMap(({ record, replay }, i) =>
    replay.messages.map((m) => {
      const who = actor(m.author, ticketRows[i].customerId);
      return {
        ticketId: ticketIds[i],
        authorKind: authorKindOf(m.author),
        authorUserId: who.actorUserId,
        authorCustomerId: who.actorCustomerId,
        visibility: m.visibility,
        channel: m.visibility === 'public' ? record.channel : null,
        body: m.body,
        createdAt: m.at,
      };
    }),
  );
  const messageIds = await insertRows(tx, messages, messageRows, { returnIds: true });
  const ratingRows = items.flatMap(({ replay }, i) => replay.ratings.map((r) => ({ ticketId: ticketIds[i], score: r.score, comment: r.comment, createdAt: r.at })));
  const ratingIds = await insertRows(tx, csatRatings, ratingRows, { returnIds: true });

  let messageAt = 0;
  let ratingAt = 0;
  const eventRows = items.flatMap(({ record, replay }, i) => {
    const t = ticketRows[i];
    const created: TicketEventDataByType['created'] = {
      createdByKind: t.createdByKind,
      channel: t.channel,
      priority: record.priority,
      status: initialStatus(t.createdByKind),
      customerId: t.customerId,
      assigneeId: t.assigneeId,
      teamId: t.teamId,
      journeyStage: t.journeyStage,
      touchpoint: t.touchpoint,
      followUpOfId: null,
    };
    const opener = t.createdByUserId === null ? actor('customer', t.customerId) : { actorKind: 'agent' as const, actorUserId: t.createdByUserId, actorCustomerId: null };
    const [messageBase, ratingBase] = [messageAt, ratingAt];
    messageAt += replay.messages.length;
    ratingAt += replay.ratings.length;
    return [
      { ticketId: ticketIds[i], seq: 1, type: 'created' as TicketEventType, at: t.createdAt, ...opener, data: created as TicketEventData },
      // The replay's order (time, then the record's array order) is the ticket's history order.
      ...replay.events.map((e, n) => {
        let data = e.data!;
        if (e.type === 'message') data = { ...(e.data as TicketEventDataByType['message']), messageId: messageIds[messageBase + e.ref!] };
        if (e.type === 'csat') data = { ratingId: ratingIds[ratingBase + e.ref!], score: ratingRows[ratingBase + e.ref!].score };
        return { ticketId: ticketIds[i], seq: n + 2, type: e.type as TicketEventType, at: e.at, ...actor(e.actor, t.customerId), data };
      }),
    ];
  });
  await insertRows(tx, ticketEvents, eventRows);
  const tagRows = items.flatMap(({ record, replay }, i) => record.tags.map((tagKey) => ({ ticketId: ticketIds[i], tagKey, createdAt: replay.facts.createdAt })));
  await insertRows(tx, ticketTags, tagRows);

  await applyRecontacts(
    tx,
    ticketRows.map((t, i) => ({ id: ticketIds[i], customerId: t.customerId, createdAt: t.createdAt, createdByKind: t.createdByKind })),
    known.settings.recontactWindowDays,
  );
  return ticketIds;
}

/** Postgres error fields, wherever drizzle put the driver's error (it wraps it as `cause`). */
function isDuplicateExternalId(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name: name, constraint, message } = e as Record<string, unknown>;
    if (code === '23505') return `${String(name ?? constraint ?? '')} ${String(message ?? '')}`.includes('tickets_external_id_idx');
  }
  return false;
}

function chunksOf(items: Ready[]): Ready[][] {
  const chunks: Ready[][] = [];
  let current: Ready[] = [];
  let events = 0;
  for (const item of items) {
    if (current.length && (current.length >= CHUNK_RECORDS || events + item.replay.events.length > CHUNK_EVENTS)) {
      chunks.push(current);
      current = [];
      events = 0;
    }
    current.push(item);
    events += item.replay.events.length;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * Writes the ready records a chunk at a time into `result` (imported, ids; skipped when a concurrent request
 * imported one first; failed when a record could not be written), and makes what they created known.
 */
export async function writeRecords(db: Db, ready: Ready[], known: Known, result: ImportResult): Promise<void> {
  const fail = (index: number, externalId: string, error: string) => result.failed.push({ index, external_id: externalId, error });
  const write = async (items: Ready[]) => {
    const added = noneAdded();
    const ids = await db.transaction((tx) => writeChunk(tx, items, known, added));
    mergeAdded(known, added);
    items.forEach((item, i) => {
      known.tickets.set(item.record.external_id, ids[i]);
      result.ids[item.record.external_id] = ids[i];
    });
    result.imported += items.length;
  };
  for (const chunk of chunksOf(ready)) {
    try {
      await write(chunk);
    } catch {
      // One record spoiled the chunk: write them one by one, so only that one fails.
      for (const item of chunk) {
        try {
          await write([item]);
        } catch (error) {
          const externalId = item.record.external_id;
          const [row] = isDuplicateExternalId(error) ? await db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.externalId, [externalId])) : [];
          if (row) {
            result.skipped += 1; // imported by a concurrent request since this one started
            result.ids[externalId] = row.id;
          } else {
            logger.error({ err: error, index: item.index, externalId }, 'import: record failed to write');
            fail(item.index, externalId, 'this ticket could not be written because of an error on our side; send it again');
          }
        }
      }
    }
  }
}
