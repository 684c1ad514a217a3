import { linkify } from '@/lib/text/linkify';

/**
 * A message body as plain text with its http(s) URLs linked. React escapes every text part, so HTML in a
 * body shows as text; links open without handing the page (or our referrer) to the other site.
 */
export function LinkedText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {linkify(text).map((part, i) =>
        part.kind === 'link' ? (
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
