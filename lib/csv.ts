import { DOWNLOAD_CSP } from './http/download-routes';
/**
 * CSV cells (RFC 4180): a cell with a quote, comma or line break is quoted, with quotes doubled. A text cell
 * that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) gets a
 * leading apostrophe, so a customer's subject can never become a formula on a lead's machine. Numbers are
 * written as they are: a negative number is data, not a formula.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** A CSV download streamed from an async source of lines, so no export is held in memory whole. */
export function csvResponse(filename: string, lines: AsyncIterable<string>): Response {
  const encoder = new TextEncoder();
  const iterator = lines[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'content-security-policy': DOWNLOAD_CSP,
      'x-content-type-options': 'nosniff',
    },
  });
}
