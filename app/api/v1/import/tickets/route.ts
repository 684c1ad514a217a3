import { getDb } from '@/server/db';
import { ServiceError } from '@/lib/errors';
import { MAX_IMPORT_BODY_BYTES, parseImportEnvelope } from '@/lib/validation/import';
import { apiRoute } from '@/server/http/api';
import { idempotencyScope, idempotentJson } from '@/server/http/idempotency';
import { REQUEST_BODY, utf8Text } from '@/server/http/input';
import { importTickets } from '@/server/services/import';

export const runtime = 'nodejs';
/** A 1,000-ticket request takes a few seconds; leave room on a busy or small machine. */
export const maxDuration = 300;

const tooLarge = () =>
  new ServiceError('payload_too_large', `The request body is over ${MAX_IMPORT_BODY_BYTES / 1024 / 1024} MB; send fewer tickets per request.`);

/** The body as text, refusing anything over `limit` bytes without reading it all into memory. */
async function readBody(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return utf8Text(Buffer.concat(chunks));
}

/**
 * History import, admin only: `{ "tickets": [ … ] }` with at most 1,000 tickets. Each ticket is imported
 * or fails alone; the answer is 200 with `{ imported, skipped, failed: [{ index, external_id, error }], ids }`.
 * With an Idempotency-Key the whole request is one transaction (each record a savepoint), stored with its answer.
 */
export const POST = apiRoute('import:run', async ({ request, actor }) => {
  const text = await readBody(request, MAX_IMPORT_BODY_BYTES);
  const invalidBody = (message: string) => new ServiceError('invalid', message, { fieldErrors: { [REQUEST_BODY]: [message] } });
  if (!text.trim()) throw invalidBody('The body is empty: send JSON like { "tickets": [ … ] }.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw invalidBody(`The body is not valid JSON (${(error as Error).message}). Send JSON like { "tickets": [ … ] }.`);
  }
  const records = parseImportEnvelope(body);
  return idempotentJson(await getDb(), request, { scope: idempotencyScope.actor(actor), body }, async (db) => ({ status: 200, body: await importTickets(db, records) }));
});
