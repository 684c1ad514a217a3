/**
 * Splits a message body into text and http(s) links, so it can be rendered as plain text with links and
 * never as HTML. Only http and https count: `javascript:`, `data:` and the like stay text.
 */
export type BodyPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// A URL runs to the next whitespace or angle bracket; trailing punctuation belongs to the sentence.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function linkify(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const prev = parts[parts.length - 1];
    if (prev?.kind === 'text') prev.text += text;
    else parts.push({ kind: 'text', text });
  };
  for (const match of body.matchAll(URL_PATTERN)) {
    const start = match.index;
    let raw = match[0];
    // Keep a closing parenthesis that the URL itself opened, as in Wikipedia links.
    const trailing = TRAILING_PUNCTUATION.exec(raw)?.[0] ?? '';
    if (trailing) raw = raw.slice(0, raw.length - trailing.length);
    if (trailing.startsWith(')') && raw.includes('(')) raw += ')';
    const href = safeHref(raw);
    pushText(body.slice(last, start));
    if (href) parts.push({ kind: 'link', text: raw, href });
    else pushText(raw);
    last = start + raw.length;
  }
  pushText(body.slice(last));
  return parts;
}
