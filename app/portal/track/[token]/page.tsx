import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RequestView } from '@/components/portal/request-view';
import { getDb } from '@/server/db';
import { getGuestTicket } from '@/server/queries/portal';
import { guestTicketId } from '@/server/services/portal-requests';
import { touchGuestToken } from '@/server/services/portal-tokens';

export const metadata: Metadata = { title: 'Your request', referrer: 'no-referrer' };

/**
 * A guest's request by private link: the link is the credential, so an expired, guessed or malformed
 * one is a plain 404. Each visit keeps the link alive for another 30 days.
 */
export default async function GuestRequestPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const found = await guestTicketId(db, token).catch(() => null);
  if (!found) notFound();
  await touchGuestToken(db, found.tokenId);
  const request = await getGuestTicket(db, found.ticketId);
  if (!request) notFound();
  return (
    <div className="space-y-5">
      <p className="rounded-control border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
        You are viewing this request through your private link. Keep the link to yourself.
      </p>
      <RequestView request={request} reply={{ kind: 'guest', token }} rating={{ guestToken: token }} />
    </div>
  );
}
