import Link from 'next/link';
import { GitMerge } from 'lucide-react';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui';
import { can, type StaffActor } from '@/lib/domain/permissions';
import { STATUS_LABELS, type TicketStatus } from '@/lib/domain/ticket-values';
import type { RelatedTicket, RelationKind } from '@/server/queries/related-tickets';
import { LinkTicketForm, UnlinkButton } from './link-ticket-form';
import { MergeDialog } from './merge-dialog';

const RELATION_LABELS: Record<RelationKind, string> = {
  merged_into: 'Merged into',
  merged_from: 'Merged from',
  follow_up_of: 'Follow-up of',
  follow_up: 'Follow-up',
  related: 'Related',
};

type TicketRef = { id: number; status: string; followUpOfId: number | null; mergedIntoId: number | null };

/** The "Merged into #N" banner above a merged ticket's thread: its messages stay here, read-only. */
export function MergedBanner({ ticket }: { ticket: TicketRef }) {
  if (!ticket.mergedIntoId) return null;
  return (
    <p className="flex items-center gap-2 rounded-md border border-violet-300 bg-violet-50 p-3 text-sm text-violet-900" data-testid="merged-banner">
      <GitMerge aria-hidden className="size-4 shrink-0" />
      <span>
        Merged into{' '}
        <Link href={`/tickets/${ticket.mergedIntoId}`} className="font-semibold underline">#{ticket.mergedIntoId}</Link>. This ticket is read-only; continue there.
      </span>
    </p>
  );
}

/**
 * Related tickets both ways (links, follow-ups, merges), with link and merge controls for those who may edit.
 * The page reads them (listRelatedTickets) beside the ticket.
 */
export function RelatedTickets({ staff, ticket, related }: { staff: StaffActor; ticket: TicketRef; related: RelatedTicket[] }) {
  const canEdit = can(staff, 'ticket:update');
  return (
    <Card>
      <CardHeader>
        <CardTitle>Related tickets</CardTitle>
      </CardHeader>
      <CardBody className="space-y-3">
        {related.length ? (
          <ul className="space-y-1.5 text-sm" data-testid="related-tickets">
            {related.map((r) => (
              <li key={`${r.relation}-${r.id}`} className="flex items-start justify-between gap-2">
                <span className="min-w-0">
                  <span className="text-slate-500">{RELATION_LABELS[r.relation]} </span>
                  <Link href={`/tickets/${r.id}`} className="font-medium text-brand-700 underline">#{r.id}</Link>{' '}
                  <span className="break-words text-slate-800">{r.subject}</span>
                  <span className="text-slate-500"> · {STATUS_LABELS[r.status as TicketStatus] ?? r.status}</span>
                </span>
                {r.relation === 'related' && canEdit ? <UnlinkButton ticketId={ticket.id} otherId={r.id} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">None yet.</p>
        )}
        {canEdit ? <LinkTicketForm ticketId={ticket.id} /> : null}
        {canEdit && ticket.status !== 'closed' && !ticket.mergedIntoId ? <MergeDialog ticketId={ticket.id} /> : null}
      </CardBody>
    </Card>
  );
}
