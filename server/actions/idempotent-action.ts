import { getDb, type Db } from '@/db/client';
import { IDEMPOTENCY_FIELD } from '@/lib/validation/idempotency';
import { formFingerprint, parseIdempotencyKey } from '../http/idempotency';
import { requestHashOf, runIdempotent } from '../services/idempotency';

const FORM_SENT_BEFORE = 'This form was already sent with different content. Reload the page to see what was saved, then send your change again.';

/**
 * A creating server action's write under the form's per-submission key (the hidden `idempotencyKey` field that
 * useFormAction adds): a double click, or a resend after a network error, gets the first result back and
 * writes nothing. Same mechanism as the API's Idempotency-Key, scoped to the actor (http/idempotency.ts).
 * A form without the field (an older page) writes as before.
 */
export async function idempotentAction<T>(
  form: FormData,
  claim: { scope: string; action: string; beforeWrite?: () => Promise<void> },
  write: (db: Db) => Promise<T>,
): Promise<T> {
  const raw = form.get(IDEMPOTENCY_FIELD);
  const key = typeof raw === 'string' ? parseIdempotencyKey(raw) : null;
  const endpoint = `action ${claim.action}`;
  const idempotent = key ? { scope: claim.scope, key, endpoint, requestHash: requestHashOf(endpoint, await formFingerprint(form)) } : null;
  const { response } = await runIdempotent(await getDb(), idempotent, async (db) => ({ status: 200, body: await write(db) }), {
    beforeWrite: claim.beforeWrite,
    mismatchMessage: FORM_SENT_BEFORE,
  });
  return response.body as T;
}
