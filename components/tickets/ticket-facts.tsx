import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui';
import { formatDateTime, formatDuration } from '@/lib/format';
import type { StaffTicket } from '@/server/queries/ticket-detail';
import type { TicketMetricsJson } from '@/server/queries/metrics/ticket-metrics';

const yesNo = (v: boolean | null) => (v === null ? '–' : v ? 'Yes' : 'No');
const SLA_LABEL = { met: 'Met', breached: 'Breached', running: 'Running' } as const;

/** The ticket's properties and its service figures: the same numbers as /api/v1/tickets/{id}/metrics. */
export function TicketFacts({ data, metrics }: { data: StaffTicket; metrics: TicketMetricsJson }) {
  const t = data.ticket;
  const rows: [string, string][] = [
    ['Journey stage', data.journeyStageLabel ?? 'None'],
    ['Touchpoint', data.touchpointLabel ?? 'None'],
    ['Assignee', data.assigneeName ?? 'Unassigned'],
    ['Team', data.teamName ?? 'None'],
    ['Created', formatDateTime(t.createdAt)],
    ['First response', formatDuration(metrics.first_response_seconds)],
    ['First resolution', formatDuration(metrics.first_resolution_seconds)],
    ['Reopens', String(metrics.reopens)],
    ['Agent replies', String(metrics.agent_replies)],
    ['FCR', t.firstSolvedAt && t.repliesBeforeFirstSolve === 0 ? 'Solved without reply' : yesNo(metrics.fcr)],
    ['One-touch', yesNo(metrics.one_touch)],
    ['SLA first response', metrics.sla.first_response ? SLA_LABEL[metrics.sla.first_response] : '–'],
    ['SLA resolution', metrics.sla.resolution ? SLA_LABEL[metrics.sla.resolution] : '–'],
    ['CSAT', t.latestCsatScore ? `${t.latestCsatScore} / 5` : '–'],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Details</CardTitle>
      </CardHeader>
      <CardBody>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="text-right text-slate-900" data-testid={`fact-${label.toLowerCase().replace(/\W+/g, '-')}`}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </CardBody>
    </Card>
  );
}
