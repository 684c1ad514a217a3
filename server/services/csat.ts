import type { Db } from '@/db/client';
import { csatRatings } from '@/db/schema';
import { ServiceError } from '@/lib/errors';
import { getSettings } from './settings';
import { lockTicket, recordTicketEvent, type TicketRow } from './ticket-write';

/**
 * Records a 1–5 rating by the ticket's customer. Allowed while the ticket is solved; each rating
 * replaces the last (only the latest counts, METRICS.md).
 */
export async function rateTicket(
  db: Db,
  input: { ticketId: number; customerId: number; score: number; comment?: string; at?: Date },
): Promise<TicketRow> {
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
    throw new ServiceError('invalid', 'Choose a rating from 1 to 5.', { fieldErrors: { score: ['Choose a rating from 1 to 5'] } });
  }
  return db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const row = await lockTicket(tx, input.ticketId);
    if (row.customerId !== input.customerId) throw new ServiceError('not_found', 'That request does not exist.');
    if (row.status !== 'solved') {
      throw new ServiceError('invalid', 'You can rate a request once it is solved, and until it is closed.');
    }
    const at = input.at ?? new Date();
    const [rating] = await tx
      .insert(csatRatings)
      .values({ ticketId: row.id, score: input.score, comment: input.comment ?? '', createdAt: at })
      .returning({ id: csatRatings.id });
    return recordTicketEvent(
      tx,
      row,
      { type: 'csat', at, data: { ratingId: rating.id, score: input.score } },
      { kind: 'customer', customerId: input.customerId },
      { settings },
    );
  });
}
