import type { Metadata } from 'next';
import { Card, CardBody } from '@/components/ui';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/domain/permissions';
import { formatDuration } from '@/lib/format';
import { requireStaffPage } from '@/server/auth/session';
import { serviceSummary } from '@/server/queries/summary';

export const metadata: Metadata = { title: 'Boards' };

const DAY = 24 * 60 * 60 * 1000;

/** Leads and admins see the whole team; agents see their own figures. */
export default async function BoardsPage() {
  const staff = await requireStaffPage('boards:read-own', '/boards');
  const everyone = can(staff, 'boards:read');
  const to = new Date();
  const summary = await serviceSummary(await getDb(), { from: new Date(to.getTime() - 30 * DAY), to, assigneeId: everyone ? undefined : staff.id });
  const cards = [
    { label: 'Created', value: String(summary.created) },
    { label: 'Solved', value: String(summary.solved) },
    {
      label: 'First contact resolution',
      value: summary.fcr.rate === null ? '–' : `${Math.round(summary.fcr.rate * 100)}%`,
      detail: `${summary.fcr.numerator} of ${summary.fcr.denominator} solved with one reply`,
    },
    { label: 'Median first response', value: formatDuration(summary.medianFirstResponseSeconds === null ? null : Math.round(summary.medianFirstResponseSeconds)) },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title="Boards" description={everyone ? 'The whole team, last 30 days.' : 'Your own figures, last 30 days.'} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {cards.map((c) => (
          <Card key={c.label}>
            <CardBody>
              <p className="text-sm text-slate-500">{c.label}</p>
              <p className="mt-1 text-3xl font-semibold text-slate-900" data-testid={`board-${c.label.toLowerCase().replace(/\W+/g, '-')}`}>{c.value}</p>
              {c.detail ? <p className="mt-1 text-xs text-slate-500">{c.detail}</p> : null}
            </CardBody>
          </Card>
        ))}
      </div>
    </div>
  );
}
