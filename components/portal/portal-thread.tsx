import { AttachmentList } from '@/components/attachments/attachment-list';
import { LinkedText, cn } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import type { PortalTicket } from '@/server/queries/portal';

/** The public conversation, as text with links: customer messages on the right, support on the left. */
export function PortalThread({ messages, attachmentHrefBase }: { messages: PortalTicket['thread']; attachmentHrefBase: string }) {
  return (
    <ol className="space-y-3" data-testid="portal-thread">
      {messages.map((m) => {
        const mine = m.authorKind === 'customer';
        return (
          <li key={m.id} className={cn('rounded-lg border p-4 sm:max-w-[85%]', mine ? 'border-brand-200 bg-brand-50 sm:ml-auto' : 'border-slate-200 bg-white')}>
            <div className="mb-1 flex flex-wrap gap-2 text-sm">
              <span className="font-medium text-slate-900">{mine ? 'You' : m.staffName && m.staffName !== 'Support' ? `${m.staffName} (Support)` : 'Support'}</span>
              <time className="text-slate-600" dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
            </div>
            <LinkedText text={m.body} className="whitespace-pre-wrap break-words text-sm text-slate-800" />
            <AttachmentList files={m.attachments} hrefBase={attachmentHrefBase} />
          </li>
        );
      })}
    </ol>
  );
}
