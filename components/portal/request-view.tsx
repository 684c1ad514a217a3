import Link from 'next/link';
import { Badge } from '@/components/ui';
import { portalStatusLabel } from '@/lib/domain/portal-status';
import { formatDateTime } from '@/lib/format';
import type { PortalTicket } from '@/server/queries/portal';
import { PortalThread } from './portal-thread';
import { RatingForm, type RatingTarget } from './rating-form';
import { PortalReplyForm, type ReplyTarget } from './reply-form';

/** A request as its customer sees it, signed in or by guest link: header, public thread, rating, reply. */
export function RequestView({ request, reply, rating }: { request: PortalTicket; reply: ReplyTarget; rating: RatingTarget }) {
  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold break-words text-slate-900">{request.subject}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge tone={request.status === 'solved' || request.status === 'closed' ? 'success' : 'info'} data-testid="portal-status">
            {portalStatusLabel(request.status)}
          </Badge>
          <span>Opened {formatDateTime(request.createdAt)}</span>
          <span>Updated {formatDateTime(request.lastPublicActivityAt)}</span>
          {request.reference ? <span>Reference {request.reference}</span> : null}
        </div>
        {request.journeyStage || request.touchpoint ? (
          <p className="text-sm text-slate-600">{[request.journeyStage, request.touchpoint].filter(Boolean).join(' · ')}</p>
        ) : null}
        {request.mergedIntoKey && reply.kind === 'account' ? (
          <p className="text-sm text-slate-700" data-testid="portal-merged">
            This request continues in <Link className="font-medium text-brand-700 underline" href={`/portal/requests/${request.mergedIntoKey}`}>{request.mergedIntoSubject}</Link>.
          </p>
        ) : null}
        {request.followUpOfKey && reply.kind === 'account' ? (
          <p className="text-sm text-slate-600">
            Follow-up to <Link className="font-medium text-brand-700 underline" href={`/portal/requests/${request.followUpOfKey}`}>{request.followUpOfSubject}</Link>
          </p>
        ) : null}
      </header>
      <PortalThread
        messages={request.thread}
        attachmentHrefBase={reply.kind === 'account' ? '/api/portal/attachments' : `/api/portal/track/${reply.token}/attachments`}
      />
      {request.status === 'solved' && <RatingForm target={rating} current={request.rating} />}
      <PortalReplyForm target={reply} status={request.status} />
    </div>
  );
}
