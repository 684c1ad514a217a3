/**
 * The text building blocks every schema starts from, so no schema can forget the characters Postgres
 * refuses (NUL fails the whole statement: "invalid byte sequence for encoding UTF8: 0x00") or that corrupt
 * or disguise what was written. Each block is a plain zod string: chain `.trim().min().max()` as usual.
 *
 * - `lineText`: one line (names, subjects, labels, keys, search terms, tokens). No control character at all,
 *   tabs and line breaks included, and no bidi embedding/override/isolate controls: in a one-line value shown
 *   beside other text (an inbox row, a sender name) an unclosed U+202E reverses what follows it, so
 *   "Alice‮gpj.exe" reads as "Aliceexe.jpg". Direction marks (U+200E/U+200F) stay allowed.
 * - `multilineText`: message bodies, macro bodies, comments, descriptions. Tab, LF and CR are allowed; bidi
 *   controls too, since right-to-left writers use them and a body is rendered as its own paragraph.
 * - `secretText`: passwords. Only compared or hashed, never shown, so bidi controls do not matter; control
 *   characters and broken UTF-16 are still refused (nobody types them, and they would hash differently
 *   wherever the text is re-encoded).
 *
 * Every block refuses C0 controls (U+0000–U+001F except as above), DEL, C1 controls (U+0080–U+009F) and
 * lone UTF-16 surrogates (a JSON "\ud800" escape: drivers would silently store U+FFFD instead). The check
 * aborts the field's other checks, so the person sees the one message that matters, naming the character.
 */
import { z } from 'zod';

export type TextShape = 'line' | 'multiline' | 'secret';

const CONTROL_EXCEPT_TAB_AND_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const TAB_OR_BREAK = /[\t\n\r]/;
const LONE_SURROGATE = /\p{Cs}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a text value, as a message a person can act on; null when it is fine. */
export function textProblem(value: string, shape: TextShape): string | null {
  if (LONE_SURROGATE.test(value)) return 'This text contains a broken character (an unpaired UTF-16 surrogate). Retype it and try again.';
  const control = CONTROL_EXCEPT_TAB_AND_BREAKS.exec(value)?.[0];
  if (control !== undefined) return `Remove the invisible control character ${codePoint(control)}: it cannot be saved.`;
  if (shape === 'multiline') return null;
  if (shape === 'secret') return TAB_OR_BREAK.test(value) ? 'Remove the tab or line break.' : null;
  // Surrounding whitespace is the schema's to trim; only a break inside the value makes it two lines.
  if (TAB_OR_BREAK.test(value.trim())) return 'Keep this to one line, without line breaks or tabs.';
  const bidi = BIDI_CONTROL.exec(value)?.[0];
  if (bidi !== undefined) return `Remove the text-direction control character ${codePoint(bidi)}: it can disguise what the text says.`;
  return null;
}

/** True when the text would be accepted by the block of that shape (for values checked outside zod). */
export const isCleanText = (value: string, shape: TextShape = 'line') => textProblem(value, shape) === null;

/** What to say when the value is missing (undefined or null), or of another type (a number, a list, an object). */
export type TypeMessages = string | { missing?: string; wrongType?: string };

const typeMessage = (messages: TypeMessages | undefined) => {
  const { missing = 'This field is required.', wrongType = 'Send this as text.' } = typeof messages === 'string' ? { missing: messages } : (messages ?? {});
  return (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? missing : wrongType);
};

/** `invalid`, when given, replaces the message for a refused character (for values with a format of their own). */
function block(shape: TextShape, missing?: TypeMessages, invalid?: string) {
  return z.string({ error: typeMessage(missing) }).refine((value) => textProblem(value, shape) === null, {
    abort: true,
    error: (issue) => invalid ?? textProblem(String(issue.input), shape) ?? 'This text cannot be saved.',
  });
}

/** One line of text. `missing` is the message when the field is absent (or null). */
export const lineText = (missing?: TypeMessages, invalid?: string) => block('line', missing, invalid);
/** Text that may span lines (tabs and line breaks allowed). */
export const multilineText = (missing?: TypeMessages) => block('multiline', missing);
/** A password or other secret: compared or hashed, never shown. */
export const secretText = (missing?: TypeMessages) => block('secret', missing);

/**
 * A value that is only compared with a stored hash and never stored, shown or sent to the database as text:
 * the password at sign-in. Any characters, so an account whose password was set before these checks can
 * still sign in.
 */
export const comparedOnlyText = (missing?: TypeMessages) => z.string({ error: typeMessage(missing) });

/** Quotes a value for an error message: at most 60 characters, control characters shown as U+XXXX. */
export function quoteForMessage(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const short = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  const visible = short.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Cs}/gu, (c) => `<${codePoint(c)}>`);
  return `"${visible}"`;
}
