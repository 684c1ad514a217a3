import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idSchema, isIdText, PG_INTEGER_MAX, sequenceOf, wholeNumberOf } from './common';
import { lineText, multilineText, quoteForMessage, secretText, textProblem } from './text';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe('text building blocks', () => {
  it.each([
    ['NUL', 'a\u0000b', /U\+0000/],
    ['BEL', 'a\u0007b', /U\+0007/],
    ['DEL', 'a\u007Fb', /U\+007F/],
    ['C1 CSI', 'a\u009Bb', /U\+009B/],
    ['lone high surrogate', 'a\uD800b', /unpaired UTF-16 surrogate/],
    ['lone low surrogate', 'a\uDC00', /unpaired UTF-16 surrogate/],
  ])('every shape refuses %s, with one message that names the character', (_name, value, message) => {
    for (const schema of [lineText(), multilineText(), secretText()]) {
      const found = messages(schema.max(5, 'too long').safeParse(value));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(message);
    }
  });

  it('one-line text refuses a break or tab inside it, but leaves surrounding whitespace to trim', () => {
    expect(messages(lineText().safeParse('two\nlines'))).toEqual(['Keep this to one line, without line breaks or tabs.']);
    expect(messages(lineText().safeParse('a\tb'))).toHaveLength(1);
    expect(lineText().trim().parse('  Subject\r\n')).toBe('Subject');
  });

  it('multi-line text keeps tabs and line breaks', () => {
    expect(multilineText().parse('Line one\r\n\tindented\nline three')).toBe('Line one\r\n\tindented\nline three');
  });

  it('bidi overrides and isolates are refused in one-line text (they disguise names), allowed in bodies', () => {
    for (const control of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblem(`Alice${control}gpj.exe`, 'line')).toMatch(/text-direction control character/);
      expect(textProblem(`مرحبا ${control}hello`, 'multiline')).toBeNull();
    }
    // Direction marks, right-to-left text, emoji and joiners are ordinary text.
    expect(textProblem('שלום\u200F Ada 👩‍💻 مرحبا', 'line')).toBeNull();
  });

  it('a value of another type, or a missing one, gets a message rather than a crash', () => {
    expect(messages(lineText().safeParse(5))).toEqual(['Send this as text.']);
    expect(messages(lineText().safeParse({ a: 1 }))).toEqual(['Send this as text.']);
    expect(messages(lineText('Enter a subject').safeParse(undefined))).toEqual(['Enter a subject']);
  });

  it('quotes a value for a message without its control characters, cut at 60 characters', () => {
    expect(quoteForMessage('a\u0000b\uD800')).toBe('"a<U+0000>b<U+D800>"');
    expect(quoteForMessage('x'.repeat(1_000_000))).toBe(`"${'x'.repeat(60)}…"`);
  });
});

describe('ids and whole numbers', () => {
  it('accepts an id as a number or as digits, within the integer column', () => {
    expect(idSchema.parse(12)).toBe(12);
    expect(idSchema.parse(' 12 ')).toBe(12);
    expect(idSchema.parse(String(PG_INTEGER_MAX))).toBe(PG_INTEGER_MAX);
  });

  const badIds: [string, unknown][] = [
    ['0', 0], ['-1', -1], ['1.5', 1.5], ['2^31 as a number', PG_INTEGER_MAX + 1], ['2^31 as digits', '2147483648'],
    ['20 digits', '99999999999999999999'], ['1 MB of digits', '9'.repeat(1_000_000)], ['1e3', '1e3'], ['0x10', '0x10'],
    ['a NUL after digits', '1\u0000'], ['empty', ''], ['true', true], ['[5]', [5]], ['null', null], ['an object', {}],
  ];
  it.each(badIds)('refuses %s with one message', (_name, value) => {
    expect(messages(idSchema.safeParse(value))).toHaveLength(1);
    if (typeof value === 'string') expect(isIdText(value)).toBe(false);
  });

  it('a bigint sequence goes up to 2^53 − 1, a bounded number to its bounds', () => {
    const seq = sequenceOf('since must be a change sequence number');
    expect(seq.parse('0')).toBe(0);
    expect(seq.parse(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(seq.safeParse('9007199254740992').success).toBe(false);
    expect(wholeNumberOf(1, 5, 'Choose 1 to 5').safeParse('6').success).toBe(false);
  });
});

describe('every schema starts from the text blocks', () => {
  it('no file in lib/validation builds a string schema of its own (text.ts is where they come from)', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const offenders = readdirSync(dir)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'text.ts')
      .filter((file) => /\bz\s*\.\s*(string|coerce)\s*\(|\bz\s*\.\s*coerce\b/.test(readFileSync(path.join(dir, file), 'utf8')));
    expect(offenders, 'use lineText(), multilineText(), secretText() or comparedOnlyText() from lib/validation/text.ts, and wholeNumberOf()/idOf() for numbers').toEqual([]);
  });
});
