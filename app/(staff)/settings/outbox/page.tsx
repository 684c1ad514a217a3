import type { Metadata } from 'next';
import Link from 'next/link';
import { ChevronRight, Mail } from 'lucide-react';
import { Badge, EmptyState } from '@/components/ui';
import { PageHeader } from '@/components/shell/page-header';
import { formatDateTime } from '@/lib/format';
import { getDb } from '@/server/db';
import { requireStaffPage } from '@/server/auth/session';
import { listOutbox } from '@/server/queries/outbox';

export const metadata: Metadata = { title: 'Outbox' };

/**
 * Settings → Outbox: mail written here instead of sent, while SMTP_URL is not set. Admins only. The list shows
 * no bodies; a mail opens on its own page, where a view of one that carried a private link is audit-logged.
 */
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
            : 'SMTP_URL is not set, so customer mail is kept here instead of being sent. The latest 100 mails, newest first. Private links (tracking, rating, password reset, address confirmation) are hidden: they would let anyone who reads them into the customer’s account or request.'
        }
      />
      {mails.length === 0 ? (
        <EmptyState icon={Mail} title="No mail yet" description="Mail appears here a few seconds after a customer or an agent causes it." />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="outbox">
          {mails.map((m) => (
            <li key={m.id} data-testid="outbox-mail">
              {/* No prefetch: opening a mail with a private link is audited, and only a real open counts. */}
              <Link href={`/settings/outbox/${m.id}`} prefetch={false} className="flex items-center gap-3 p-4 hover:bg-slate-50">
                <span className="min-w-0 flex-1">
                  <span className="block font-medium break-words text-slate-900">{m.subject}</span>
                  <span className="block text-sm break-all text-slate-600">To {m.toAddress}</span>
                </span>
                {m.hiddenLinks > 0 && <Badge className="shrink-0">private link hidden</Badge>}
                <time className="hidden shrink-0 text-sm text-slate-600 sm:block" dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                <ChevronRight aria-hidden className="size-4 shrink-0 text-slate-400" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
