import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChevronLeft } from 'lucide-react';
import { Badge } from '@/components/ui';
import { PortalThread } from '@/components/portal/portal-thread';
import { PortalReplyForm } from '@/components/portal/reply-form';
import { getDb } from '@/server/db';
import { portalStatusLabel } from '@/lib/domain/portal-status';
import { formatDateTime } from '@/lib/format';
import { requireCustomerPage } from '@/server/auth/session';
import { getPortalTicket } from '@/server/queries/ticket-detail';

export const metadata: Metadata = { title: 'Request' };

/** A customer's request: public thread only. Another customer's key is a 404, never a hint. */
export default async function PortalRequestPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const customer = await requireCustomerPage(`/portal/requests/${key}`);
  const request = await getPortalTicket(await getDb(), customer.id, key);
  if (!request) notFound();

  return (
    <div className="space-y-5">
      <Link href="/portal" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ChevronLeft aria-hidden className="size-4" /> My requests
      </Link>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900 break-words">{request.subject}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge tone={request.status === 'solved' || request.status === 'closed' ? 'success' : 'info'} data-testid="portal-status">
            {portalStatusLabel(request.status)}
          </Badge>
          <span>Opened {formatDateTime(request.createdAt)}</span>
          {request.reference ? <span>· Reference {request.reference}</span> : null}
        </div>
        {request.journeyStage || request.touchpoint ? (
          <p className="text-sm text-slate-600">
            {[request.journeyStage, request.touchpoint].filter(Boolean).join(' · ')}
          </p>
        ) : null}
      </header>
      <PortalThread messages={request.thread} />
      <PortalReplyForm ticketKey={request.publicKey} status={request.status} />
    </div>
  );
}
