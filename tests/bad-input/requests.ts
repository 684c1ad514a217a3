import { RawQuery } from './classes';

/**
 * Percent-encodes text as UTF-8, but a lone surrogate as the three bytes a careless client would send
 * (ED A0 80 for U+D800), which are not UTF-8: encodeURIComponent would throw instead of sending them.
 */
export function encodeLoosely(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** A query string from name → value; a RawQuery goes as it is. */
export function queryString(values: Record<string, unknown>): string {
  const pairs = Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${v instanceof RawQuery ? v.raw : encodeLoosely(typeof v === 'string' ? v : JSON.stringify(v))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** Sets `value` at a path like `customer.email`, `events[0].body` or `tags.0`, creating what is missing. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let node: Record<string, unknown> = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    node[key] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
}

/** A structured copy, so one case's changes never leak into the next. */
export const copy = <T>(value: T): T => structuredClone(value);

/** A multipart form from name → value (Files stay files; anything else becomes text). */
export function formOf(values: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (value instanceof Blob) form.set(name, value);
    else form.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return form;
}
