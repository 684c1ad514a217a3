'use client';

import { useQuery } from '@tanstack/react-query';
import { Eye, PenLine } from 'lucide-react';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

type Other = { name: string; state: 'viewing' | 'typing' };
const TypingContext = createContext<(typing: boolean) => void>(() => {});

/** The composer reports typing through this; the presence bar sends it with each heartbeat. */
export const useReportTyping = () => useContext(TypingContext);

/** Heartbeats every 10 s ("viewing" or "typing") and shows who else is on this ticket. */
export function PresenceProvider({ ticketId, children }: { ticketId: number; children: ReactNode }) {
  const [typing, setTyping] = useState(false);
  const state = typing ? 'typing' : 'viewing';
  const { data } = useQuery({
    queryKey: ['presence', ticketId, state],
    queryFn: async () => {
      const res = await fetch(`/api/v1/tickets/${ticketId}/presence`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state }),
      });
      if (!res.ok) throw new Error('presence failed');
      return ((await res.json()) as { others: Other[] }).others;
    },
    refetchInterval: 10_000,
  });
  useEffect(() => () => void fetch(`/api/v1/tickets/${ticketId}/presence`, { method: 'DELETE', keepalive: true }), [ticketId]);

  return (
    <TypingContext.Provider value={setTyping}>
      <PresenceBar others={data ?? []} />
      {children}
    </TypingContext.Provider>
  );
}

function PresenceBar({ others }: { others: Other[] }) {
  if (others.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2" data-testid="presence" aria-live="polite">
      {others.map((o) => (
        <span key={o.name} className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2.5 py-1 text-xs font-medium text-amber-900">
          {o.state === 'typing' ? <PenLine aria-hidden className="size-3" /> : <Eye aria-hidden className="size-3" />}
          {o.name} is {o.state === 'typing' ? 'writing a reply' : 'viewing'}
        </span>
      ))}
    </div>
  );
}
