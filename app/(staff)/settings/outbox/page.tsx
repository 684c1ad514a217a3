import type { Metadata } from 'next';
import Link from 'next/link';
import { Mail } from 'lucide-react';
import { EmptyState } from '@/components/ui';
import { PageHeader } from '@/components/shell/page-header';
import { formatDateTime } from '@/lib/format';
import { getDb } from '@/server/db';
import { requireStaffPage } from '@/server/auth/session';
import { listOutbox } from '@/server/queries/outbox';

export const metadata: Metadata = { title: 'Outbox' };

/** Settings → Outbox: mail written here instead of sent, while SMTP_URL is not set. Admins only. */
export default async function OutboxPage() {
  await requireStaffPage('settings:manage', '/settings/outbox');
  const mails = await listOutbox(await getDb());
  const smtp = Boolean(process.env.SMTP_URL);
  return (
    <div className="space-y-6">
      <Link href="/settings" className="text-sm text-slate-600 hover:text-slate-900">← Settings</Link>
      <PageHeader
        title="Outbox"
        description={
          smtp
            ? 'SMTP_URL is set, so new mail goes out through SMTP. This list shows mail written before that.'
            : 'SMTP_URL is not set, so customer mail is kept here instead of being sent. The latest 100 mails, newest first.'
        }
      />
      {mails.length === 0 ? (
        <EmptyState icon={Mail} title="No mail yet" description="Mail appears here a few seconds after a customer or an agent causes it." />
      ) : (
        <ul className="space-y-3" data-testid="outbox">
          {mails.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white" data-testid="outbox-mail">
              <details>
                <summary className="flex cursor-pointer flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
                  <span className="min-w-0">
                    <span className="block font-medium break-words text-slate-900">{m.subject}</span>
                    <span className="block text-sm break-all text-slate-600">To {m.toAddress}</span>
                  </span>
                  <time className="shrink-0 text-sm text-slate-600" dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                </summary>
                <pre className="overflow-x-auto border-t border-slate-200 p-4 font-sans text-sm whitespace-pre-wrap break-words text-slate-800" data-testid="outbox-body">{m.body}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
