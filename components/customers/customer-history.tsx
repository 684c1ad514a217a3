import Link from 'next/link';
import { ChevronRight } from 'lucide-react';
import { Badge, Card, CardBody, CardHeader, CardTitle } from '@/components/ui';
import { journeyStrip, recontactFlags, recontactText } from '@/lib/domain/customer-journey';
import { formatDateTime } from '@/lib/format';
import { STATUS_LABELS } from '@/lib/domain/ticket-values';
import { HISTORY_LIMIT, type CustomerHistory } from '@/server/queries/customer-history';

type HistoryRow = CustomerHistory['tickets'][number];

const fcrText = (t: HistoryRow) => (t.fcr === null ? (t.firstSolvedAt && t.repliesBeforeFirstSolve === 0 ? 'solved without reply' : '–') : t.fcr ? 'Yes' : 'No');

/** Who the customer is, where they came to support from, and every earlier ticket with its outcome. */
export function CustomerHistoryPanel({ history, currentTicketId }: { history: CustomerHistory; currentTicketId?: number }) {
  const { profile } = history;
  const flags = recontactFlags(history.tickets);
  const stageLabels = new Map(history.tickets.map((t) => [t.journeyStage, t.stageLabel]));
  const strip = journeyStrip(history.tickets);
  const others = history.tickets.filter((t) => t.id !== currentTicketId);
  const currentFlag = currentTicketId === undefined ? undefined : flags.get(currentTicketId);

  return (
    <Card data-testid="customer-history">
      <CardHeader>
        <CardTitle as="h2">Customer</CardTitle>
        <Link href={`/customers/${profile.id}`} className="text-sm text-brand-700 hover:underline">
          Profile<span className="sr-only"> of {profile.name}</span>
        </Link>
      </CardHeader>
      <CardBody className="space-y-4 text-sm">
        <div>
          <p className="font-medium break-words text-slate-900" data-testid="customer-name">{profile.name}</p>
          <p className="break-all text-slate-600">{profile.email}</p>
          <p className="text-slate-600">{profile.organisation ?? 'No organisation'}</p>
          <p className="text-xs text-slate-500">
            Customer since {formatDateTime(profile.createdAt).slice(0, 10)} · {profile.hasAccount ? 'portal account' : 'no portal account'}
          </p>
        </div>
        {currentFlag ? (
          <p className="rounded-control border border-warn-200 bg-warn-50 px-3 py-2 text-warn-800" data-testid="recontact-flag">
            This ticket is a {recontactText(currentFlag)}.
          </p>
        ) : null}
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Journey</h3>
          {strip.length === 0 ? (
            <p className="text-slate-500">No journey stages yet.</p>
          ) : (
            <ol className="flex flex-wrap items-center gap-1" aria-label="Journey stages in time order" data-testid="journey-strip">
              {strip.map((s, i) => (
                <li key={`${s.stage}-${i}`} className="flex items-center gap-1">
                  {i > 0 ? <ChevronRight aria-hidden className="size-3 text-slate-400" /> : null}
                  <Badge tone="brand">
                    {stageLabels.get(s.stage) ?? s.stage}
                    {s.tickets > 1 ? ` ×${s.tickets}` : ''}
                  </Badge>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {currentTicketId === undefined ? 'Tickets' : 'Other tickets'} ({others.length}{history.more ? `, latest ${HISTORY_LIMIT}` : ''})
          </h3>
          {others.length === 0 ? <p className="text-slate-500">No other tickets.</p> : null}
          <ul className="divide-y divide-slate-100" data-testid="history-tickets">
            {others.map((t) => (
              <li key={t.id} className="space-y-1 py-2" data-testid="history-ticket">
                <div className="flex items-start justify-between gap-2">
                  <Link href={`/tickets/${t.id}`} className="min-w-0 font-medium break-words text-slate-900 hover:underline">
                    <span className="text-slate-500">#{t.id}</span> {t.subject}
                  </Link>
                  <Badge>{STATUS_LABELS[t.status]}</Badge>
                </div>
                <p className="text-xs text-slate-600">
                  {formatDateTime(t.createdAt).slice(0, 10)} · {t.stageLabel ?? 'no stage'} · {t.touchpointLabel ?? 'no touchpoint'} · FCR {fcrText(t)} · CSAT {t.csat ? `${t.csat}/5` : '–'}
                  {t.mergedIntoId ? ` · merged into #${t.mergedIntoId}` : ''}
                </p>
                {flags.get(t.id) ? (
                  <p className="text-xs font-medium text-warn-700" data-testid="history-recontact">{recontactText(flags.get(t.id)!)}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      </CardBody>
    </Card>
  );
}
