import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Card, CardBody, FormMessage } from '@/components/ui';
import { PageHeader } from '@/components/shell/page-header';
import { formatDateTime } from '@/lib/format';
import { getDb } from '@/server/db';
import { requireStaffPage } from '@/server/auth/session';
import { requestOrigin } from '@/server/http/request-origin';
import { viewOutboxMail } from '@/server/services/outbox-view';

export const metadata: Metadata = { title: 'Outbox mail' };

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** One outbox mail, private links masked. Opening one that carried a link is recorded in the audit log. */
export default async function OutboxMailPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireStaffPage('settings:manage', '/settings/outbox');
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const mail = await viewOutboxMail(await getDb(), admin, id.data, await requestOrigin());
  if (!mail) notFound();
  return (
    <div className="space-y-6">
      <Link href="/settings/outbox" className="text-sm text-slate-600 hover:text-slate-900">← Outbox</Link>
      <PageHeader title={mail.subject} description={`To ${mail.toAddress} · ${formatDateTime(mail.createdAt)}`} />
      {mail.hiddenLinks > 0 && (
        <FormMessage tone="info">
          This mail carried {mail.hiddenLinks === 1 ? 'a private link' : `${mail.hiddenLinks} private links`}, shown as [hidden]: the
          customer received {mail.hiddenLinks === 1 ? 'it' : 'them'}, nobody else may. Your view of this mail is recorded in the audit log.
        </FormMessage>
      )}
      <Card>
        <CardBody>
          <pre className="font-sans text-sm whitespace-pre-wrap break-words text-slate-800" data-testid="outbox-body">{mail.body}</pre>
        </CardBody>
      </Card>
    </div>
  );
}
