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

/** `#1234` as a link to that ticket, for staff threads (merge notes, "see #1234"). */
const TICKET_REF = /(^|[\s(])#(\d{1,10})\b/g;

function withTicketRefs(parts: BodyPart[]): BodyPart[] {
  return parts.flatMap((part) => {
    if (part.kind !== 'text') return [part];
    const out: BodyPart[] = [];
    let last = 0;
    for (const match of part.text.matchAll(TICKET_REF)) {
      const start = match.index + match[1].length;
      if (start > last) out.push({ kind: 'text', text: part.text.slice(last, start) });
      out.push({ kind: 'link', text: `#${match[2]}`, href: `/tickets/${match[2]}` });
      last = start + match[2].length + 1;
    }
    if (last < part.text.length) out.push({ kind: 'text', text: part.text.slice(last) });
    return out;
  });
}

export function linkify(body: string, options: { ticketRefs?: boolean } = {}): BodyPart[] {
  const parts = linkUrls(body);
  return options.ticketRefs ? withTicketRefs(parts) : parts;
}

function linkUrls(body: string): BodyPart[] {
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
