'use client';

import Link from 'next/link';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Inbox } from 'lucide-react';
import { Button, EmptyState, FormMessage, Table, TBody, TD, TH, THead, TR } from '@/components/ui';
import { StatusBadge, PriorityBadge } from '@/components/tickets/badges';
import { formatRelative } from '@/lib/format';
import type { InboxRowJson } from '@/server/http/serializers';

type Page = { tickets: InboxRowJson[]; next_cursor: string | null };

const SCOPES = [
  { value: 'open', label: 'All open' },
  { value: 'mine', label: 'My open' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: 'all', label: 'All tickets' },
] as const;

async function fetchPage(scope: string, cursor: string | null): Promise<Page> {
  const params = new URLSearchParams({ scope });
  if (cursor) params.set('cursor', cursor);
  const res = await fetch(`/api/v1/tickets?${params}`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error((await res.json().catch(() => null))?.error?.message ?? 'Could not load the inbox.');
  return res.json();
}

/** The inbox list: keyset pages, polled every 15 s so new requests appear without a reload. */
export function InboxList({ scope, initialPage }: { scope: string; initialPage: Page }) {
  const query = useInfiniteQuery({
    queryKey: ['inbox', scope],
    queryFn: ({ pageParam }) => fetchPage(scope, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    initialData: { pages: [initialPage], pageParams: [null] },
    refetchInterval: 15_000,
  });
  const rows = query.data.pages.flatMap((p) => p.tickets);

  return (
    <div className="space-y-4">
      <nav aria-label="Inbox views" className="flex flex-wrap gap-2">
        {SCOPES.map((s) => (
          <Link
            key={s.value}
            href={`/inbox?scope=${s.value}`}
            aria-current={s.value === scope ? 'page' : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${s.value === scope ? 'border-brand-600 bg-brand-50 font-medium text-brand-800' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-100'}`}
          >
            {s.label}
          </Link>
        ))}
      </nav>
      {query.error ? <FormMessage tone="error">{query.error.message}</FormMessage> : null}
      {rows.length === 0 ? (
        <EmptyState icon={Inbox} title="Nothing here" description="No tickets match this view. New requests appear here by themselves." />
      ) : (
        <Table label="Tickets" data-testid="inbox-table">
          <THead>
            <TR>
              <TH>Subject</TH>
              <TH className="hidden sm:table-cell">Customer</TH>
              <TH>Status</TH>
              <TH className="hidden md:table-cell">Priority</TH>
              <TH className="hidden xl:table-cell">Assignee</TH>
              <TH className="hidden md:table-cell">Created</TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((t) => (
              <TR key={t.id} data-testid="inbox-row">
                <TD className="max-w-[22rem]">
                  <Link href={`/tickets/${t.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {t.subject}
                  </Link>
                  <span className="text-xs text-slate-500">#{t.id} · {t.channel}</span>
                </TD>
                <TD className="hidden sm:table-cell">
                  <span className="block truncate">{t.customer.name}</span>
                  <span className="block truncate text-xs text-slate-500">{t.customer.email}</span>
                </TD>
                <TD>
                  <StatusBadge status={t.status} />
                </TD>
                <TD className="hidden md:table-cell">
                  <PriorityBadge priority={t.priority} />
                </TD>
                <TD className="hidden xl:table-cell text-slate-600">{t.assignee ?? 'Unassigned'}</TD>
                <TD className="hidden md:table-cell whitespace-nowrap text-slate-600">
                  <time dateTime={t.created_at} title={t.created_at} suppressHydrationWarning>
                    {formatRelative(t.created_at)}
                  </time>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {query.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
