import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('keeps plain text as one text part', () => {
    expect(linkify('Hello there\nsecond line')).toEqual([{ kind: 'text', text: 'Hello there\nsecond line' }]);
  });

  it('turns http and https URLs into links and leaves trailing punctuation outside', () => {
    expect(linkify('See https://example.com/a?b=1, or http://x.test.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ', or ' },
      { kind: 'link', text: 'http://x.test', href: 'http://x.test/' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps a parenthesis the URL opened', () => {
    const parts = linkify('(see https://en.wikipedia.org/wiki/Foo_(bar))');
    expect(parts[1]).toEqual({ kind: 'link', text: 'https://en.wikipedia.org/wiki/Foo_(bar)', href: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
    expect(parts[2]).toEqual({ kind: 'text', text: ')' });
  });

  it('never links javascript:, data: or protocol-relative URLs', () => {
    for (const body of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.test/x']) {
      expect(linkify(body)).toEqual([{ kind: 'text', text: body }]);
    }
  });

  it('leaves HTML as text, and stops a URL at a quote or angle bracket', () => {
    const body = '<img src=x onerror="alert(1)"><a href="https://evil.test/">x</a>';
    const parts = linkify(body);
    expect(parts.map((p) => p.text).join('')).toBe(body);
    expect(parts.filter((p) => p.kind === 'link')).toEqual([{ kind: 'link', text: 'https://evil.test/', href: 'https://evil.test/' }]);
  });

  it('links #1234 to the staff ticket page only when asked, and not inside words or URLs', () => {
    expect(linkify('Merged into #12 "Parcel". See #3.', { ticketRefs: true })).toEqual([
      { kind: 'text', text: 'Merged into ' },
      { kind: 'link', text: '#12', href: '/tickets/12' },
      { kind: 'text', text: ' "Parcel". See ' },
      { kind: 'link', text: '#3', href: '/tickets/3' },
      { kind: 'text', text: '.' },
    ]);
    expect(linkify('Merged into #12')).toEqual([{ kind: 'text', text: 'Merged into #12' }]);
    expect(linkify('https://x.test/a#12 and abc#5', { ticketRefs: true })).toEqual([
      { kind: 'link', text: 'https://x.test/a#12', href: 'https://x.test/a#12' },
      { kind: 'text', text: ' and abc#5' },
    ]);
  });
});
