'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, CardBody, CardHeader, CardTitle } from '@/components/ui';
import type { InboxRowJson } from '@/server/http/serializers';
import type { SlaLive as SlaLiveJson } from '@/server/queries/boards/sla-live';

const REFRESH_MS = 30_000;

async function fetchLive(query: string): Promise<SlaLiveJson> {
  const res = await fetch(`/api/v1/boards/sla-live${query}`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? 'The live list could not be loaded.');
  return res.json() as Promise<SlaLiveJson>;
}

function LiveList({ title, rows, href, tone, testId }: { title: string; rows: InboxRowJson[]; href: string; tone: 'warn' | 'danger'; testId: string }) {
  return (
    <div>
      <h3 className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-900">
        {title} <Badge tone={tone}>{rows.length}</Badge>
        <Link href={href} className="ml-auto text-xs font-normal text-brand-700">Open in inbox</Link>
      </h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">None right now.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid={testId}>
          {rows.map((t) => (
            <li key={t.id} className="flex items-baseline gap-2 py-1.5">
              <Link href={`/tickets/${t.id}`} className="truncate text-brand-700 hover:underline">
                #{t.id} {t.subject}
              </Link>
              <span className="ml-auto shrink-0 text-xs text-slate-500">{t.priority}{t.sla_next_due_at ? ` · due ${t.sla_next_due_at.slice(0, 16).replace('T', ' ')} UTC` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Open tickets at risk and in breach, refetched every 30 s through the API (no page reload). */
export function SlaLiveLists({ query, initial }: { query: string; initial?: SlaLiveJson }) {
  const live = useQuery({ queryKey: ['sla-live', query], queryFn: () => fetchLive(query), initialData: initial, refetchInterval: REFRESH_MS });
  return (
    <Card role="region" aria-labelledby="sla-live-title">
      <CardHeader>
        <CardTitle id="sla-live-title">SLA right now</CardTitle>
        <span className="text-xs text-slate-500" aria-live="polite" data-testid="sla-live-checked">
          {live.data ? `Checked ${live.data.checked_at.slice(11, 19)} UTC, refreshes every 30 s` : live.isError ? live.error.message : 'Loading…'}
        </span>
      </CardHeader>
      <CardBody className="grid gap-6 md:grid-cols-2">
        {live.data ? (
          <>
            <LiveList title="At risk" rows={live.data.at_risk} href={live.data.links.at_risk} tone="warn" testId="sla-at-risk" />
            <LiveList title="Breached" rows={live.data.breached} href={live.data.links.breached} tone="danger" testId="sla-breached" />
          </>
        ) : null}
      </CardBody>
    </Card>
  );
}
