import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Card, CardBody, SkeletonRows } from '@/components/ui';
import { PageHeader } from '@/components/shell/page-header';
import { getReportingDb } from '@/server/db';
import { can, type StaffActor } from '@/lib/domain/permissions';
import { formatDuration } from '@/lib/format';
import { requireStaffPage } from '@/server/auth/session';
import { queryMetrics } from '@/server/queries/metrics/aggregate';
import { getSettings } from '@/server/services/settings';

export const metadata: Metadata = { title: 'Boards' };

const DAY = 24 * 60 * 60 * 1000;
const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
const duration = (seconds: number | null) => formatDuration(seconds === null ? null : Math.round(seconds));

/** The 30-day summary, from the same query layer as /api/v1/metrics. Agents see their own figures. */
async function Summary({ staff, everyone }: { staff: StaffActor; everyone: boolean }) {
  const db = await getReportingDb();
  const { timeZone } = await getSettings(db);
  const to = new Date();
  const { totals } = await queryMetrics(db, { from: new Date(to.getTime() - 30 * DAY), to, agent: everyone ? undefined : staff.email }, { timeZone });
  const cards = [
    { label: 'Created', value: String(totals.created) },
    { label: 'Solved', value: String(totals.solved), detail: `${totals.solved_without_reply} without a reply` },
    { label: 'First contact resolution', value: percent(totals.fcr.rate), detail: `${totals.fcr.numerator} of ${totals.fcr.denominator} tickets` },
    { label: 'Median first response', value: duration(totals.first_response.median_seconds), detail: `p90 ${duration(totals.first_response.p90_seconds)}` },
    { label: 'SLA attainment', value: percent(totals.sla.rate), detail: `${totals.sla.met} met, ${totals.sla.breached} breached` },
    { label: 'CSAT', value: percent(totals.csat.score), detail: `${totals.csat.responses} responses` },
  ];
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
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
  );
}

export default async function BoardsPage() {
  const staff = await requireStaffPage('boards:read-own', '/boards');
  const everyone = can(staff, 'boards:read');
  return (
    <div className="space-y-6">
      <PageHeader title="Boards" description={everyone ? 'The whole team, last 30 days.' : 'Your own figures, last 30 days.'} />
      <Suspense fallback={<SkeletonRows rows={3} label="Loading figures…" />}>
        <Summary staff={staff} everyone={everyone} />
      </Suspense>
    </div>
  );
}
