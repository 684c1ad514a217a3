/**
 * The type of an upload, read from its bytes (magic numbers), never from its name or the browser's
 * claim. Only the types in DESIGN.md pass: images, PDF, plain text and CSV, and Office documents.
 * HTML, SVG and anything else is refused, however it is named.
 */
export interface SniffedType {
  contentType: string;
  label: string;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Office Open XML files are zips whose entry names say their kind; any other zip is refused. */
const OFFICE_PARTS: readonly [string, SniffedType][] = [
  ['word/document.xml', { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word document' }],
  ['xl/workbook.xml', { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel workbook' }],
  ['ppt/presentation.xml', { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', label: 'PowerPoint presentation' }],
];

function sniffOffice(bytes: Uint8Array): SniffedType | null {
  // Entry names are stored as plain bytes in the zip's headers; latin1 keeps one char per byte.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.includes('[Content_Types].xml')) return null;
  return OFFICE_PARTS.find(([part]) => text.includes(part))?.[1] ?? null;
}

// Markup that a browser would render if it ever ignored nosniff: never accepted as "text".
const MARKUP_START = /^\s*<(!doctype|html|head|body|script|svg|\?xml|iframe|object|embed|meta|style)\b/i;

function sniffText(bytes: Uint8Array, fileName: string): SniffedType | null {
  if (bytes.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (MARKUP_START.test(text.replace(/^\uFEFF/, ''))) return null;
  // Text is text; the name only chooses between the two text types we serve.
  return /\.csv$/i.test(fileName) ? { contentType: 'text/csv', label: 'CSV' } : { contentType: 'text/plain', label: 'Text' };
}

export function sniffContentType(bytes: Uint8Array, fileName: string): SniffedType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, PNG)) return { contentType: 'image/png', label: 'PNG image' };
  if (startsWith(bytes, JPEG)) return { contentType: 'image/jpeg', label: 'JPEG image' };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return { contentType: 'image/gif', label: 'GIF image' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return { contentType: 'image/webp', label: 'WebP image' };
  if (startsWith(bytes, ascii('%PDF-'))) return { contentType: 'application/pdf', label: 'PDF' };
  if (startsWith(bytes, ZIP)) return sniffOffice(bytes);
  return sniffText(bytes, fileName);
}
