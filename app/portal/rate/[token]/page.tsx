import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RatingForm } from '@/components/portal/rating-form';
import { getDb } from '@/server/db';
import { getGuestTicket } from '@/server/queries/portal';
import { findLiveToken } from '@/server/services/portal-tokens';

export const metadata: Metadata = { title: 'Rate our help', referrer: 'no-referrer' };

/** The mailed rating link: works while the request is solved; each use replaces the rating. */
export default async function RatePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ score?: string }> }) {
  const [{ token }, { score }] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const live = await findLiveToken(db, 'rating', token);
  if (!live?.ticketId) notFound();
  const request = await getGuestTicket(db, live.ticketId);
  if (!request) notFound();
  const preset = Number(score);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Rate our help</h1>
      <p className="text-sm break-words text-slate-700">Your request: <strong>{request.subject}</strong></p>
      <RatingForm target={{ ratingToken: token }} current={request.rating} initialScore={preset >= 1 && preset <= 5 ? preset : undefined} />
    </div>
  );
}
