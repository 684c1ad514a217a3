import { linkify } from '@/lib/text/linkify';

/**
 * A message body as plain text with its http(s) URLs linked. React escapes every text part, so HTML in a
 * body shows as text; links open without handing the page (or our referrer) to the other site.
 * `ticketRefs` (internal notes in staff threads) also links "#1234" to that ticket.
 */
export function LinkedText({ text, className, ticketRefs = false }: { text: string; className?: string; ticketRefs?: boolean }) {
  return (
    <div className={className}>
      {linkify(text, { ticketRefs }).map((part, i) =>
        part.kind === 'link' && part.href.startsWith('/') ? (
          <a key={i} href={part.href} className="font-medium text-brand-700 underline hover:text-brand-900">
            {part.text}
          </a>
        ) : part.kind === 'link' ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-700 underline break-all hover:text-brand-900">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </div>
  );
}
