/**
 * The classes of bad input the table sends (the security issue's "no 500 on any input"), and the bad values
 * of each class for one field, by the field's kind and by how the input travels (query string, path
 * parameter, JSON body, form, or the plain object a server action may take).
 */

export const BAD_CLASSES = ['nul', 'control', 'huge_integer', 'malformed_encoding', 'megabyte', 'wrong_type'] as const;
export type BadClass = (typeof BAD_CLASSES)[number];

/**
 * `line`: one-line text; `multiline`: text where line breaks are fine; `id`: a row id; `number`: another whole
 * number (a score, a limit, a version); `sequence`: a bigint counter (the inbox's change sequence); `choice`:
 * one value of a list or of a format (an enum, a taxonomy key, a date, a token, an email).
 */
export type FieldKind = 'line' | 'multiline' | 'id' | 'number' | 'sequence' | 'choice';
export type Transport = 'query' | 'path' | 'json' | 'form' | 'object';

/** A query value sent as it stands, without percent-encoding it first: how a malformed escape gets through. */
export class RawQuery {
  constructor(readonly raw: string) {}
}

/** A file where text belongs: the one wrong type a multipart form can carry. */
export const fileInstead = () => new File([new Uint8Array([1, 2, 3])], 'not-text.bin', { type: 'application/octet-stream' });

export interface BadValue {
  cls: BadClass;
  /** For the test's title: short, printable. */
  label: string;
  value: unknown;
}

const MEGABYTE = 1_000_000;
const numeric = (kind: FieldKind) => kind === 'id' || kind === 'number' || kind === 'sequence';
export const freeText = (kind: FieldKind) => kind === 'line' || kind === 'multiline';

/**
 * Every bad value of every class that applies to a field of this kind, sent this way, built from the field's
 * valid value. A class that cannot apply (a huge integer in free text sent as a string is just text) is left out.
 */
export function badValuesFor(kind: FieldKind, transport: Transport, valid: unknown): BadValue[] {
  const base = typeof valid === 'string' ? valid : String(valid ?? '');
  const out: BadValue[] = [];
  const add = (cls: BadClass, label: string, value: unknown) => out.push({ cls, label, value });

  add('nul', 'NUL inside', `${base}\u0000x`);
  add('nul', 'only NUL', '\u0000');
  add('control', 'BEL (C0)', `${base}\u0007`);
  add('control', 'CSI (C1)', `${base}\u009B`);
  add('control', 'DEL', `${base}\u007F`);
  if (kind !== 'multiline') {
    add('control', 'line break inside', `${base}\nsecond line`);
    add('control', 'RLO bidi override', `${base}\u202Egnp.exe`);
  }

  if (kind === 'sequence') {
    add('huge_integer', '2^53 as digits', '9007199254740992');
    add('huge_integer', '20 digits', '99999999999999999999');
    add('huge_integer', 'negative', '-1');
  } else if (numeric(kind)) {
    if (transport === 'json' || transport === 'object') {
      add('huge_integer', '2^31 as a number', 2_147_483_648);
      add('huge_integer', '1e20 as a number', 1e20);
    }
    add('huge_integer', '2^31 as digits', '2147483648');
    add('huge_integer', '20 digits', '99999999999999999999');
    add('huge_integer', 'negative', '-1');
  } else if (transport === 'json' || transport === 'object') {
    add('huge_integer', 'a huge number instead of text', 99_999_999_999_999_999_999);
  }

  // FormData holds USVStrings: a lone surrogate set on it is already U+FFFD, and a multipart parser turns bytes
  // that are not UTF-8 into U+FFFD before any app code runs. So a form's malformed encoding is the escape
  // left undecoded, which only a field with a format can tell from text.
  if (transport !== 'form') add('malformed_encoding', 'lone surrogate', `${base}\uD800`);
  if (transport === 'query') add('malformed_encoding', 'overlong UTF-8 escape %C0%AF', new RawQuery('%C0%AF'));
  if (transport === 'query') add('malformed_encoding', 'lone % escape', new RawQuery(`${encodeURIComponent(base)}%E0%A4%A`));
  if (transport === 'path' || (transport === 'form' && !freeText(kind))) add('malformed_encoding', 'literal %C0%AF', '%C0%AF');

  add('megabyte', '1 MB', (numeric(kind) ? '9' : 'x').repeat(MEGABYTE));

  if (transport === 'json' || transport === 'object') {
    if (numeric(kind)) {
      add('wrong_type', 'true', true);
      add('wrong_type', 'text', 'twelve');
      add('wrong_type', 'a list', [1]);
    } else {
      add('wrong_type', 'a number', 12345);
      add('wrong_type', 'a list', [base]);
      add('wrong_type', 'an object', { value: base });
    }
  } else if (transport === 'form') {
    add('wrong_type', 'a file', fileInstead());
  } else if (numeric(kind)) {
    add('wrong_type', 'letters', 'abc');
  } else if (kind === 'choice') {
    add('wrong_type', 'a JSON list', '["a","b"]');
  }
  return out;
}
