/**
 * A new random key for one form submission. crypto.randomUUID exists only on secure origins (https or
 * localhost), so a plain-http deployment falls back to getRandomValues, which exists everywhere.
 */
export function newSubmissionKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
