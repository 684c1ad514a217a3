'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { InboxRowJson, InboxRowView } from '@/server/http/serializers';
import type { InboxPage, Presence } from './types';

const POLL_MS = 10_000;

/**
 * Polls for what changed since the last seen change sequence (never by updated_at, which misses late
 * commits): rows on screen update in place, and tickets created since the page was rendered are counted
 * for the "new tickets" banner.
 */
export function useInboxPolling(params: Record<string, string>, pageKey: unknown[], loadedAt: string, initialSeq: number, rows: InboxRowView[]) {
  const queryClient = useQueryClient();
  const seq = useRef(initialSeq);
  const ids = rows.map((r) => r.id).join(',');

  const poll = useQuery({
    queryKey: ['inbox-changes', params, ids, loadedAt],
    queryFn: async () => {
      const query = new URLSearchParams({ ...params, since: String(seq.current), ids, created_after: loadedAt });
      query.delete('cursor');
      const res = await fetch(`/api/v1/tickets/changes?${query}`);
      if (!res.ok) throw new Error('The inbox could not check for changes.');
      return (await res.json()) as { seq: number; changed: InboxRowJson[]; new_count: number; presence: Record<string, Presence[]> };
    },
    refetchInterval: POLL_MS,
  });

  useEffect(() => {
    const data = poll.data;
    if (!data) return;
    seq.current = Math.max(seq.current, data.seq);
    if (data.changed.length === 0) return;
    const byId = new Map(data.changed.map((r) => [r.id, r]));
    queryClient.setQueryData<InboxPage>(pageKey, (page) =>
      page ? { ...page, tickets: page.tickets.map((t) => (byId.has(t.id) ? { ...byId.get(t.id)!, highlight: t.highlight } : t)) } : page,
    );
  }, [poll.data, pageKey, queryClient]);

  return { newCount: poll.data?.new_count ?? 0, presence: poll.data?.presence ?? {} };
}
