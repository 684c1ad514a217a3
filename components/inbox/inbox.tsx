'use client';

import { useQuery } from '@tanstack/react-query';
import { Inbox as InboxIcon } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useSyncExternalStore, useTransition } from 'react';
import { Button, buttonClasses, Dialog, DialogContent, EmptyState, FormMessage, toast } from '@/components/ui';
import { assignToMeAction } from '@/server/actions/inbox';
import { BulkBar, type BulkOutcome } from './bulk-bar';
import { FilterBar } from './filter-bar';
import { SaveView } from './save-view';
import { TicketTable } from './ticket-table';
import { inboxHref, type InboxPage, type Options, type ViewLink } from './types';
import { SHORTCUTS, useInboxKeyboard } from './use-keyboard';
import { useInboxPolling } from './use-inbox-polling';
import { ViewNav } from './view-nav';

const noSubscription = () => () => {};

interface Props {
  params: Record<string, string>;
  initialPage: InboxPage;
  /** When the server rendered this page: the key of its data, and where "new tickets" start. */
  loadedAt: string;
  changeSeq: number;
  views: ViewLink[];
  options: Options;
}

/** The agent inbox: views, filters in the URL, keyset pages, live updates, bulk edits and the keyboard. */
export function Inbox({ params, initialPage, loadedAt, changeSeq, views, options }: Props) {
  const router = useRouter();
  const pageKey = useMemo(() => ['inbox-page', params, loadedAt], [params, loadedAt]);
  // The server rendered this page; react-query holds it so polling can update rows in place.
  const { data: page } = useQuery({ queryKey: pageKey, queryFn: () => initialPage, initialData: initialPage, staleTime: Infinity });
  const rows = page.tickets;
  const { newCount, presence } = useInboxPolling(params, pageKey, loadedAt, changeSeq, rows);
  const [focused, setFocused] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [help, setHelp] = useState(false);
  const [bulkOutcome, setBulkOutcome] = useState<BulkOutcome | null>(null);
  const [, startTransition] = useTransition();
  // Marks the list as interactive (shortcuts attached), for people's tools and for the e2e tests.
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);

  const toggle = (id: number) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const refresh = () => router.refresh();

  useInboxKeyboard({
    move: (d) => setFocused((f) => Math.min(Math.max(f + d, 0), rows.length - 1)),
    open: () => rows[focused] && router.push(`/tickets/${rows[focused].id}`),
    toggleSelect: () => rows[focused] && toggle(rows[focused].id),
    assignToMe: () => {
      const row = rows[focused];
      if (!row) return;
      const form = new FormData();
      form.set('ids', String(row.id));
      startTransition(async () => {
        const result = await assignToMeAction(form);
        if (result.ok) toast.success(`#${row.id} is yours`);
        else toast.error(result.message);
        refresh();
      });
    },
    focusSearch: () => document.getElementById('inbox-search')?.focus(),
    toggleHelp: () => setHelp((h) => !h),
  });

  return (
    <div className="space-y-4" data-ready={ready}>
      <ViewNav views={views} current={params.view ?? 'all_open'} />
      <FilterBar params={params} options={options} />
      {params.view?.startsWith('saved:') ? null : <SaveView params={params} />}
      {newCount > 0 ? (
        <button type="button" onClick={refresh} data-testid="new-tickets-banner"
          className="w-full rounded-md border border-brand-300 bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-100">
          {newCount === 1 ? '1 new ticket' : `${newCount} new tickets`}: show them
        </button>
      ) : null}
      {bulkOutcome ? <FormMessage tone={bulkOutcome.tone}>{bulkOutcome.text}</FormMessage> : null}
      {selected.size > 0 ? (
        <BulkBar selected={[...selected]} options={options} onDone={(outcome) => { setBulkOutcome(outcome); setSelected(new Set()); refresh(); }} />
      ) : null}
      {params.q ? <p className="text-xs text-slate-500">Ranked by relevance among the 1,000 most recent matches of each kind.</p> : null}
      {rows.length === 0 ? (
        <EmptyState icon={InboxIcon} title="No tickets here" description="Nothing matches this view and these filters." />
      ) : (
        <TicketTable rows={rows} presence={presence} focused={focused} selected={selected} onToggle={toggle}
          onToggleAll={() => setSelected(rows.every((r) => selected.has(r.id)) ? new Set() : new Set(rows.map((r) => r.id)))} />
      )}
      <nav aria-label="Pages" className="flex justify-between">
        {params.cursor ? <Button variant="secondary" onClick={() => router.back()}>Previous page</Button> : <span />}
        {page.next_cursor ? (
          <Link className={buttonClasses({ variant: 'secondary' })} href={inboxHref(params, { cursor: page.next_cursor })}>Next page</Link>
        ) : null}
      </nav>
      <Dialog open={help} onOpenChange={setHelp}>
        <DialogContent title="Keyboard shortcuts">
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            {SHORTCUTS.map(([key, what]) => (
              <div key={key} className="contents">
                <dt><kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd></dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </DialogContent>
      </Dialog>
    </div>
  );
}
