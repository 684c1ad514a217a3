'use client';

import Link from 'next/link';
import { PriorityBadge, StatusBadge } from '@/components/tickets/badges';
import { cn, Table, TBody, TD, TH, THead, TR } from '@/components/ui';
import { formatRelative } from '@/lib/format';
import type { InboxRowView } from '@/server/http/serializers';
import { Highlight } from './highlight';
import type { Presence } from './types';
import { Eye } from 'lucide-react';

interface Props {
  rows: InboxRowView[];
  presence: Record<string, Presence[]>;
  focused: number;
  selected: Set<number>;
  onToggle: (id: number) => void;
  onToggleAll: () => void;
}

/** The ticket rows: list fields only. The focused row (j/k) is outlined; selection drives the bulk bar. */
export function TicketTable({ rows, presence, focused, selected, onToggle, onToggleAll }: Props) {
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <Table label="Tickets" data-testid="inbox-table">
      <THead>
        <TR>
          <TH className="w-8"><input type="checkbox" aria-label="Select all on this page" checked={allSelected} onChange={onToggleAll} /></TH>
          <TH>Subject</TH>
          <TH className="ui-col-sm">Customer</TH>
          <TH>Status</TH>
          <TH className="ui-col-md">Priority</TH>
          <TH className="ui-col-2xl">Assignee</TH>
          <TH className="ui-col-md">Created</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((t, i) => (
          <TR key={t.id} data-testid="inbox-row" data-ticket-id={t.id} aria-selected={selected.has(t.id)}
            className={cn(i === focused && 'outline-2 -outline-offset-2 outline-brand-500', selected.has(t.id) && 'bg-brand-50/60')}>
            <TD><input type="checkbox" aria-label={`Select #${t.id}`} checked={selected.has(t.id)} onChange={() => onToggle(t.id)} /></TD>
            <TD className="inbox-subject">
              <Link href={`/tickets/${t.id}`} className="inbox-link" data-row-link>
                {t.highlight ? <Highlight text={t.highlight.subject} /> : t.subject}
              </Link>
              {t.highlight?.snippet ? (
                <p className="ui-line ui-meta" data-testid="search-snippet"><Highlight text={t.highlight.snippet} /></p>
              ) : null}
              <span className="ui-meta">{`#${t.id} · ${t.channel}`}</span>
              {presence[t.id]?.map((p) => (
                <span key={p.name} data-testid="row-presence" className="ml-2 inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 text-xs text-amber-900">
                  <Eye aria-hidden className="size-3" /> {p.name}{p.state === 'typing' ? ' is writing' : ''}
                </span>
              ))}
            </TD>
            <TD className="ui-col-sm">
              <span className="ui-line">{t.customer.name}</span>
              <span className="ui-line ui-meta">{t.customer.email}</span>
            </TD>
            <TD><StatusBadge status={t.status} /></TD>
            <TD className="ui-col-md"><PriorityBadge priority={t.priority} /></TD>
            <TD className="ui-col-2xl text-slate-600" data-testid="row-assignee">{t.assignee?.name ?? 'Unassigned'}</TD>
            <TD className="ui-col-md whitespace-nowrap text-slate-600">
              <time dateTime={t.created_at} title={t.created_at} suppressHydrationWarning>{formatRelative(t.created_at)}</time>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
