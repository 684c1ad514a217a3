import { ServiceError } from '@/lib/errors';

/** Keyset cursors: the sort value and the id of the last row seen, opaque to clients. */
export function encodeCursor(sortValue: Date, id: number): string {
  return Buffer.from(`${sortValue.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { sortValue: Date; id: number } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const sortValue = new Date(iso ?? '');
  const numericId = Number(id);
  if (Number.isNaN(sortValue.getTime()) || !Number.isInteger(numericId) || numericId < 1) {
    throw new ServiceError('invalid', 'That page link is not valid any more. Go back to the first page.');
  }
  return { sortValue, id: numericId };
}
