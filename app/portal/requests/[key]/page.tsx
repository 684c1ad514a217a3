import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChevronLeft } from 'lucide-react';
import { RequestView } from '@/components/portal/request-view';
import { getDb } from '@/server/db';
import { requireCustomerPage } from '@/server/auth/session';
import { getPortalTicket, portalScopeOf } from '@/server/queries/portal';

export const metadata: Metadata = { title: 'Request' };

/** A customer's request: public thread only. Another customer's key is a 404, never a hint. */
export default async function PortalRequestPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const customer = await requireCustomerPage(`/portal/requests/${encodeURIComponent(key)}`);
  const request = await getPortalTicket(await getDb(), portalScopeOf(customer), key);
  if (!request) notFound();

  return (
    <div className="space-y-5">
      <Link href="/portal" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ChevronLeft aria-hidden className="size-4" /> My requests
      </Link>
      <RequestView request={request} reply={{ kind: 'account', ticketKey: request.publicKey }} rating={{ ticketKey: request.publicKey }} />
    </div>
  );
}
