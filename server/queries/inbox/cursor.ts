import { ServiceError } from '@/lib/errors';

type CursorValue = string | number | null;

/** Keyset cursors: the sort they belong to and the sort values of the last row seen, opaque to clients. */
export function encodeCursor(sort: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify({ s: sort, v: values })).toString('base64url');
}

const INVALID = 'That page link is not valid any more. Go back to the first page.';

export function decodeCursor(cursor: string, sort: string, arity: number): CursorValue[] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { s?: unknown; v?: unknown };
    const values = parsed.v;
    if (parsed.s !== sort || !Array.isArray(values) || values.length !== arity) throw new Error('shape');
    if (!values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) throw new Error('types');
    return values as CursorValue[];
  } catch {
    throw new ServiceError('invalid', INVALID);
  }
}
