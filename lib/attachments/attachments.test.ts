import { describe, expect, it } from 'vitest';
import { checkUploads } from './check';
import { checkFileName, contentDisposition } from './file-name';
import { MAX_ATTACHMENT_BYTES } from './limits';
import { sniffContentType } from './sniff';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest');
const candidate = (name: string, data: Uint8Array) => ({ name, size: data.byteLength, bytes: data });

describe('sniffContentType', () => {
  it.each([
    ['png', PNG, 'image/png'],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['gif', bytes('GIF89a....'), 'image/gif'],
    ['webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['pdf', bytes('%PDF-1.7\n...'), 'application/pdf'],
    ['docx', bytes('PK', [3, 4], '...[Content_Types].xml...word/document.xml...'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', bytes('PK', [3, 4], '...[Content_Types].xml...xl/workbook.xml...'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['text', bytes('Order 1234 arrived broken.\nPlease help — merci.'), 'text/plain'],
  ])('accepts %s by its content', (_kind, data, type) => {
    expect(sniffContentType(data, 'whatever.bin')?.contentType).toBe(type);
  });

  it('calls UTF-8 text CSV only when it is named .csv', () => {
    expect(sniffContentType(bytes('a,b\n1,2\n'), 'orders.CSV')?.contentType).toBe('text/csv');
    expect(sniffContentType(bytes('a,b\n1,2\n'), 'orders.txt')?.contentType).toBe('text/plain');
  });

  it.each([
    ['an executable named .png', bytes('MZ', [0x90, 0], 'This program'), 'photo.png'],
    ['HTML named .txt', bytes('<!DOCTYPE html><script>alert(1)</script>'), 'notes.txt'],
    ['SVG named .png', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'logo.png'],
    ['XML-declared SVG', bytes('\uFEFF<?xml version="1.0"?><svg/>'), 'a.txt'],
    ['a plain zip', bytes('PK', [3, 4], 'payload.exe'), 'report.docx'],
    ['text with a NUL byte', bytes('abc', [0], 'def'), 'a.txt'],
    ['invalid UTF-8', bytes([0xc3, 0x28, 0xa0, 0xa1]), 'a.txt'],
    ['an empty file', bytes(), 'a.txt'],
  ])('refuses %s', (_kind, data, name) => {
    expect(sniffContentType(data, name)).toBeNull();
  });
});

describe('checkFileName', () => {
  it.each(['../../etc/passwd', '..\\..\\boot.ini', 'a/b.png', '..', '/etc/shadow'])('refuses the path %s with a clear message', (name) => {
    const check = checkFileName(name);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/cannot contain folders/);
  });

  it('strips control and bidi characters and keeps the extension of a long name', () => {
    expect(checkFileName('in\u0000voice\u202egpj.exe')).toEqual({ ok: true, name: 'invoicegpj.exe' });
    const long = checkFileName(`${'x'.repeat(300)}.pdf`);
    expect(long.ok && long.name.length).toBe(180);
    expect(long.ok && long.name.endsWith('.pdf')).toBe(true);
  });

  it('quotes names safely in Content-Disposition', () => {
    expect(contentDisposition('résumé "final".pdf')).toBe(`attachment; filename="r_sum_ _final_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.pdf`);
  });
});

describe('checkUploads', () => {
  it('passes good files with their sniffed type', () => {
    const check = checkUploads([candidate('shot.png', PNG), candidate('notes.txt', bytes('hello'))]);
    expect(check).toEqual({
      ok: true,
      files: [
        { fileName: 'shot.png', contentType: 'image/png', bytes: PNG },
        { fileName: 'notes.txt', contentType: 'text/plain', bytes: bytes('hello') },
      ],
    });
  });

  it('reports every problem at once: oversized, disallowed type, traversal name', () => {
    const check = checkUploads([
      { name: 'big.pdf', size: MAX_ATTACHMENT_BYTES + 1, bytes: new Uint8Array() },
      candidate('page.txt', bytes('<html><body>hi</body></html>')),
      candidate('../../etc/passwd', bytes('root:x:0:0')),
      candidate('ok.png', PNG),
    ]);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.messages).toEqual([
      'big.pdf is 10.0 MB; each file can be at most 10.0 MB.',
      expect.stringContaining('page.txt is not a file type we accept'),
      expect.stringContaining('cannot contain folders'),
    ]);
  });

  it('allows exactly 10 MB and at most five files', () => {
    expect(checkUploads([{ name: 'max.pdf', size: MAX_ATTACHMENT_BYTES, bytes: bytes('%PDF-1.4') }]).ok).toBe(true);
    const six = Array.from({ length: 6 }, (_, i) => candidate(`${i}.png`, PNG));
    expect(checkUploads(six)).toEqual({ ok: false, messages: ['Attach at most 5 files to one message (you chose 6).'] });
  });
});
