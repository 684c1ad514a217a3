import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui';
import { computeOneTouch } from '@/lib/domain/fcr';
import { formatDateTime, formatDuration } from '@/lib/format';
import type { StaffTicket } from '@/server/queries/ticket-detail';

const seconds = (from: Date | null, to: Date | null) =>
  from && to ? Math.floor((to.getTime() - from.getTime()) / 1000) : null;

const yesNo = (v: boolean | null) => (v === null ? '–' : v ? 'Yes' : 'No');

/** The ticket's properties and its recorded service facts (METRICS.md). */
export function TicketFacts({ data }: { data: StaffTicket }) {
  const t = data.ticket;
  const rows: [string, string][] = [
    ['Journey stage', data.journeyStageLabel ?? 'None'],
    ['Touchpoint', data.touchpointLabel ?? 'None'],
    ['Assignee', data.assigneeName ?? 'Unassigned'],
    ['Team', data.teamName ?? 'None'],
    ['Created', formatDateTime(t.createdAt)],
    ['First response', formatDuration(seconds(t.clockStartedAt, t.firstResponseAt))],
    ['First resolution', formatDuration(seconds(t.createdAt, t.firstSolvedAt))],
    ['Reopens', String(t.reopenCount)],
    ['Agent replies', String(t.agentReplyCount)],
    ['FCR', t.firstSolvedAt && t.repliesBeforeFirstSolve === 0 ? 'Solved without reply' : yesNo(t.fcr)],
    ['One-touch', yesNo(computeOneTouch(t))],
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
