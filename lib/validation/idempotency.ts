import { lineText } from './text';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** The hidden form field that carries a form submission's key to a server action. */
export const IDEMPOTENCY_FIELD = 'idempotencyKey';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

const CONTROL_CHARACTERS = 'The Idempotency-Key contains control characters: use printable characters only, such as a UUID.';

/** A caller's Idempotency-Key: any printable text up to 255 characters, such as a UUID (lineText refuses the rest). */
export const idempotencyKeySchema = lineText(undefined, CONTROL_CHARACTERS)
  .min(1, 'The Idempotency-Key is empty: send a new unique value (a UUID, say) with each new request.')
  .max(MAX_IDEMPOTENCY_KEY_LENGTH, `The Idempotency-Key is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters: a UUID is plenty.`);
