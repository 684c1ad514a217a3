import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChevronLeft } from 'lucide-react';
import { TicketComposer } from '@/components/tickets/ticket-composer';
import { PresenceProvider } from '@/components/tickets/presence';
import { CxEditor } from '@/components/tickets/cx-editor';
import { TicketControls } from '@/components/tickets/ticket-controls';
import { MergedBanner, RelatedTickets } from '@/components/tickets/related-tickets';
import { Thread } from '@/components/tickets/thread';
import { TicketFacts } from '@/components/tickets/ticket-facts';
import { PriorityBadge, StatusBadge } from '@/components/tickets/badges';
import { getDb } from '@/server/db';
import { can } from '@/lib/domain/permissions';
import { CHANNEL_LABELS } from '@/lib/domain/ticket-values';
import { requireStaffPage } from '@/server/auth/session';
import { idSchema } from '@/lib/validation/common';
import { getStaffTicket } from '@/server/queries/ticket-detail';
import { ticketPanelData } from '@/server/queries/ticket-panel';
import { listRelatedTickets } from '@/server/queries/related-tickets';
import { cachedUsableMacros } from '@/server/queries/macros';
import { cachedTaxonomy } from '@/server/queries/taxonomy';
import { workspaceReads } from '@/server/queries/workspace-cache';
import { customerOfTicket, getCustomerHistory } from '@/server/queries/customer-history';
import { CustomerHistoryPanel } from '@/components/customers/customer-history';
import { ticketMetricsJson } from '@/server/queries/metrics/ticket-metrics';

export const metadata: Metadata = { title: 'Ticket' };

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage('ticket:read', `/tickets/${id}`);
  const parsedId = idSchema.safeParse(id);
  if (!parsedId.success) notFound();
  const ticketId = parsedId.data;
  const db = await getDb();
  // One round trip of parallel reads, nothing read twice and nothing left for the components to fetch: the history
  // and the related tickets find the ticket's customer and links themselves. The taxonomy, staff, teams and macros
  // come from the workspace cache (one version read); the taxonomy serves both the panel and the macro summaries.
  const workspace = workspaceReads(db);
  const ticketRead = getStaffTicket(db, ticketId);
  const taxonomy = cachedTaxonomy(workspace);
  const [data, panel, history, related, macros, { tags, stages }] = await Promise.all([
    ticketRead,
    can(staff, 'ticket:update') ? ticketPanelData(db, ticketId, { workspace, ticketRead }) : null,
    can(staff, 'customer:read') ? getCustomerHistory(db, customerOfTicket(ticketId)) : null,
    listRelatedTickets(db, ticketId),
    cachedUsableMacros(workspace, staff),
    taxonomy,
  ]);
  if (!data) notFound();
  const { ticket, customer } = data;
  const closed = ticket.status === 'closed';

  return (
    <div className="space-y-4">
      <Link href="/inbox" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ChevronLeft aria-hidden className="size-4" /> Inbox
      </Link>
      <header className="flex flex-col gap-2 border-b border-slate-200 pb-4">
        <h1 className="text-xl font-semibold text-slate-900 break-words">{ticket.subject}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>#{ticket.id}</span>
          <StatusBadge status={ticket.status} />
          <PriorityBadge priority={ticket.priority} />
          <span>via {CHANNEL_LABELS[ticket.channel]}</span>
          <span aria-hidden>·</span>
          <span>
            {customer.name} &lt;{customer.email}&gt;
          </span>
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section aria-label="Conversation" className="space-y-4">
          <PresenceProvider ticketId={ticket.id}>
            <MergedBanner ticket={ticket} />
            <Thread messages={data.thread} customerName={customer.name} />
            {closed ? (
              <p className="rounded-md border border-slate-200 bg-slate-100 p-3 text-sm text-slate-700">
                This ticket is closed. If the customer writes again, a linked follow-up ticket opens.
              </p>
            ) : (
              <TicketComposer staff={staff} ticketId={ticket.id} customerName={customer.name} macros={macros} taxonomy={{ tags, stages }} />
            )}
          </PresenceProvider>
        </section>
        <aside className="space-y-4" aria-label="Ticket details">
          {panel ? (
            <>
              <TicketControls
                ticketId={ticket.id}
                version={ticket.version}
                meId={staff.id}
                status={ticket.status}
                priority={ticket.priority}
                assigneeId={ticket.assigneeId}
                teamId={ticket.teamId}
                staff={panel.staff}
                teams={panel.teams}
                closed={closed}
              />
              <CxEditor
                ticketId={ticket.id}
                version={ticket.version}
                journeyStage={ticket.journeyStage}
                touchpoint={ticket.touchpoint}
                tags={panel.tags}
                stages={panel.stages}
                touchpoints={panel.touchpoints}
                allTags={panel.allTags}
              />
            </>
          ) : null}
          {history ? <CustomerHistoryPanel history={history} currentTicketId={ticket.id} /> : null}
          <TicketFacts data={data} metrics={ticketMetricsJson(ticket, new Date())} />
          <RelatedTickets staff={staff} ticket={ticket} related={related} />
        </aside>
      </div>
    </div>
  );
}
