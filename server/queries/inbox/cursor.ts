import { ServiceError } from '@/lib/errors';
import { PG_INTEGER_MAX } from '@/lib/validation/common';

type CursorValue = string | number | null;

/** Keyset cursors: the sort they belong to and the sort values of the last row seen, opaque to clients. */
export function encodeCursor(sort: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values })).toString('base64url');
}

const INVALID = 'That page link is not valid any more. Go back to the first page.';

/** A refused cursor: a 400 naming the `cursor` parameter. */
export const invalidCursor = () => new ServiceError('invalid', INVALID, { fieldErrors: { cursor: [INVALID] } });

/**
 * A cursor's integer (an id, a priority rank) or instant, checked as the column will read it: a client can
 * forge any cursor, and 1e30 or the year 275760 would fail the query rather than the request.
 */
export function cursorInteger(raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || Math.abs(raw) > PG_INTEGER_MAX) throw invalidCursor();
  return raw;
}

/** How toISOString writes an instant, which is how encodeCursor stored it. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function cursorInstant(raw: unknown): Date {
  const date = typeof raw === 'string' && ISO_INSTANT.test(raw) ? new Date(raw) : null;
  if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) throw invalidCursor();
  return date;
}

export function decodeCursor(cursor: string, sort: string, arity: number): CursorValue[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { s?: unknown; v?: unknown };
    const values = parsed.v;
    if (parsed.s !== sort || !Array.isArray(values) || values.length !== arity) throw new Error('shape');
    if (!values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) throw new Error('types');
    return values as CursorValue[];
  } catch {
    throw invalidCursor();
  }
}
