import { createHash } from 'node:crypto';
import { NextResponse } from 'next/server';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/domain/permissions';
import { ServiceError } from '@/lib/errors';
import { IDEMPOTENCY_FIELD, IDEMPOTENCY_HEADER, idempotencyKeySchema } from '@/lib/validation/idempotency';
import { requestHashOf, runIdempotent, type StoredResponse } from '../services/idempotency';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

const sha256 = (value: string | Uint8Array) => createHash('sha256').update(value).digest('hex');

/**
 * Whose key it is. A key only ever finds responses in its own scope, so a caller who learns (or guesses)
 * someone else's key gets nothing of theirs: a staff user's and a customer's keys live apart, a guest link's
 * keys belong to that link (its holder is the only credential), and anonymous portal calls are scoped to
 * the client IP and the address they name. The request hash must match as well, so a replay needs the same
 * key, the same scope and the very same body.
 */
export const idempotencyScope = {
  actor: (actor: Pick<Actor, 'kind' | 'id'>) => `${actor.kind}:${actor.id}`,
  link: (token: string) => `link:${sha256(token)}`,
  anonymous: (ip: string, email = '') => `anon:${ip}|${email.toLowerCase()}`,
};

/** A valid key to check, or a 400 a person can act on. */
export function parseIdempotencyKey(raw: string): string {
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) throw new ServiceError('invalid', parsed.error.issues[0]?.message ?? 'The Idempotency-Key is not valid.');
  return parsed.data;
}

/** The request's Idempotency-Key header: null when absent, a 400 when empty, too long or with control characters. */
export function idempotencyKeyOf(request: Request): string | null {
  const raw = request.headers.get(IDEMPOTENCY_HEADER);
  return raw === null ? null : parseIdempotencyKey(raw);
}

/**
 * A multipart form as hashable JSON: fields in order, each file as its name, size and SHA-256, so a retry of
 * the same upload matches and a different file does not. The idempotency field itself is left out.
 */
export async function formFingerprint(form: FormData): Promise<unknown[]> {
  const entries: unknown[] = [];
  for (const [name, value] of form.entries()) {
    if (name === IDEMPOTENCY_FIELD || name.startsWith('$ACTION')) continue;
    entries.push([name, typeof value === 'string' ? value : { file: value.name, size: value.size, sha256: sha256(new Uint8Array(await value.arrayBuffer())) }]);
  }
  return entries;
}

/**
 * A creating route's write under its caller's Idempotency-Key (server/services/idempotency.ts): the first
 * request writes and stores its answer; a retry with the same key and body gets that answer again, with
 * `Idempotent-Replayed: true`, and writes nothing; the same key with another body is a 422. `body` is what
 * the request's hash covers: the parsed JSON, or a function that makes it (formFingerprint reads every file, so
 * it runs only when a key was sent). `write` gets the transaction to write in.
 */
export async function idempotentJson(
  db: Db,
  request: Request,
  claim: { scope: string; body: unknown | (() => Promise<unknown>); beforeWrite?: () => Promise<void> },
  write: (db: Db) => Promise<StoredResponse>,
): Promise<Response> {
  const key = idempotencyKeyOf(request);
  const endpoint = `${request.method} ${new URL(request.url).pathname}`;
  const body = key && typeof claim.body === 'function' ? await (claim.body as () => Promise<unknown>)() : claim.body;
  const idempotent = key ? { scope: claim.scope, key, endpoint, requestHash: requestHashOf(endpoint, body) } : null;
  const { response, replayed } = await runIdempotent(db, idempotent, write, { beforeWrite: claim.beforeWrite });
  return NextResponse.json(response.body, { status: response.status, headers: replayed ? { [REPLAYED_HEADER]: 'true' } : undefined });
}
