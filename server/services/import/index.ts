/**
 * History import. Each record's events are replayed in time order through the same fact rules as the live
 * app (factChangeFor / applyFactChange, then derivedFacts: what recordTicketEvent applies), with the rules
 * the live services add around them: an explicit status event that changes nothing is a no-op, a rating
 * needs a solved ticket, and any event after `closed` fails the record (the import never opens a
 * follow-up). The re-contact checks match findRecontactAfterSolve and markRecontactedTickets.
 *
 * Speed: a record is replayed in memory first (replay.ts), so a bad one fails before any write. Good records
 * are then written a chunk at a time (write.ts); when a chunk fails in the database, its records are retried
 * one by one, so each record stays atomic and fails alone. Entities are found or created by lookups.ts.
 * Nothing here sends mail, requests CSAT or fires a webhook: imported history has no live side effects.
 */
import type { Db } from '@/db/client';
import { assertImportBatchSize, ImportRecordError, parseImportRecord } from '@/lib/validation/import';
import { loadKnown } from './lookups';
import { replayRecord, type Ready } from './replay';
import { writeRecords, type ImportResult } from './write';

export { IMPORTED_TAG_GROUP } from './lookups';
export type { ImportFailure, ImportResult } from './write';

/**
 * Imports up to 1,000 history records. Each record is atomic: a bad one fails alone, with a message that
 * names the field, and leaves nothing behind. A record whose external_id was already imported is skipped.
 */
export async function importTickets(db: Db, records: unknown[], options: { now?: Date } = {}): Promise<ImportResult> {
  assertImportBatchSize(records.length);
  const now = options.now ?? new Date();
  const parsed = records.map((input) => parseImportRecord(input, now));
  const valid = parsed.flatMap((p) => (p.ok ? [p.record] : []));
  const known = await loadKnown(db, [...new Set(parsed.flatMap((p) => (p.externalId ? [p.externalId] : [])))], valid);
  const result: ImportResult = { imported: 0, skipped: 0, failed: [], ids: {} };
  const fail = (index: number, externalId: string | null, error: string) => result.failed.push({ index, external_id: externalId, error });

  const ready: Ready[] = [];
  const repeats: { index: number; externalId: string }[] = [];
  const claimed = new Set<string>();
  for (const [index, item] of parsed.entries()) {
    const existing = item.externalId === null ? undefined : known.tickets.get(item.externalId);
    if (existing !== undefined) {
      result.skipped += 1;
      result.ids[item.externalId!] = existing;
      continue;
    }
    if (!item.ok) {
      fail(index, item.externalId, item.error);
      continue;
    }
    const { record } = item;
    if (record.journey_stage && !known.stages.has(record.journey_stage)) {
      fail(index, record.external_id, `journey_stage: unknown key "${record.journey_stage}"`);
      continue;
    }
    if (record.touchpoint && !known.touchpoints.has(record.touchpoint)) {
      fail(index, record.external_id, `touchpoint: unknown key "${record.touchpoint}"`);
      continue;
    }
    if (claimed.has(record.external_id)) {
      repeats.push({ index, externalId: record.external_id });
      continue;
    }
    try {
      ready.push({ index, record, replay: replayRecord(record) });
      claimed.add(record.external_id);
    } catch (error) {
      if (!(error instanceof ImportRecordError)) throw error;
      fail(index, record.external_id, error.message);
    }
  }

  await writeRecords(db, ready, known, result);

  for (const { index, externalId } of repeats) {
    if (result.ids[externalId] === undefined) fail(index, externalId, `external_id: "${externalId}" appears more than once in this request`);
    else result.skipped += 1;
  }
  result.failed.sort((a, b) => a.index - b.index);
  return result;
}
