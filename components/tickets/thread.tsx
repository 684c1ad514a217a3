import { Lock, MessageSquare } from 'lucide-react';
import { AttachmentList } from '@/components/attachments/attachment-list';
import { LinkedText, cn } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { CHANNEL_LABELS, type Channel } from '@/lib/domain/ticket-values';
import type { StaffTicket } from '@/server/queries/ticket-detail';

type Message = StaffTicket['thread'][number];

function authorName(m: Message, customerName: string): string {
  if (m.authorKind === 'customer') return customerName;
  if (m.authorKind === 'system') return 'Touchpoint';
  return m.staffName ?? 'Staff';
}

/** The conversation. Internal notes look nothing like replies: amber, locked, labelled. Bodies are text with links, never HTML. */
export function Thread({ messages, customerName }: { messages: Message[]; customerName: string }) {
  return (
    <ol className="space-y-3" data-testid="thread">
      {messages.map((m) => {
        const internal = m.visibility === 'internal';
        return (
          <li
            key={m.id}
            data-testid={internal ? 'internal-note' : 'public-message'}
            className={cn(
              'rounded-lg border p-4',
              internal ? 'border-amber-300 bg-amber-50' : m.authorKind === 'customer' ? 'border-slate-200 bg-white' : 'border-brand-200 bg-brand-50/40',
            )}
          >
            <div className="mb-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <span className="font-medium text-slate-900">{authorName(m, customerName)}</span>
              {internal ? (
                <span className="inline-flex items-center gap-1 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                  <Lock aria-hidden className="size-3" /> Internal note
                </span>
              ) : (
                <span className="inline-flex items-center gap-1 text-xs text-slate-500">
                  <MessageSquare aria-hidden className="size-3" /> {m.authorKind === 'customer' ? 'Customer' : 'Public reply'}
                </span>
              )}
              <span className="text-xs text-slate-500">
                <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                {m.channel ? ` · ${CHANNEL_LABELS[m.channel as Channel]}` : ''}
              </span>
            </div>
            {/* "#1234" links to that ticket in internal notes (merge notes, agents' cross-references) only: in a
                customer's message it is as likely an order number. */}
            <LinkedText text={m.body} ticketRefs={internal} className="whitespace-pre-wrap break-words text-sm text-slate-800" />
            <AttachmentList files={m.attachments} hrefBase="/api/attachments" />
          </li>
        );
      })}
    </ol>
  );
}
