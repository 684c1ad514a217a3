import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Inbox } from '@/components/inbox/inbox';
import { PageHeader } from '@/components/shell/page-header';
import { FormMessage, SkeletonRows } from '@/components/ui';
import { getDb } from '@/server/db';
import type { StaffActor } from '@/lib/domain/permissions';
import { BUILT_IN_VIEWS, inboxQuerySchema, VIEW_LABELS, type InboxQuery } from '@/lib/validation/inbox';
import { requireStaffPage } from '@/server/auth/session';
import { inboxRowView } from '@/server/http/serializers';
import { inboxFilterOptions } from '@/server/queries/inbox/options';
import { countView, listSavedViews, resolveSavedView } from '@/server/queries/inbox/saved-views';
import { latestChangeSeq, listTickets } from '@/server/queries/inbox/list';

export const metadata: Metadata = { title: 'Inbox' };

const COUNTED_VIEWS = ['my_open', 'unassigned', 'all_open', 'at_risk'] as const;

async function InboxData({ staff, query, params }: { staff: StaffActor; query: InboxQuery; params: Record<string, string> }) {
  const db = await getDb();
  const resolved = await resolveSavedView(db, query, staff.id);
  const [page, seq, options, saved, counts] = await Promise.all([
    listTickets(db, resolved, { staffId: staff.id }),
    latestChangeSeq(db),
    inboxFilterOptions(db),
    listSavedViews(db, staff.id),
    Promise.all(COUNTED_VIEWS.map(async (view) => [view, await countView(db, { view, limit: 1 }, staff.id)] as const)),
  ]);
  const views = [
    ...BUILT_IN_VIEWS.map((key) => ({ key, label: VIEW_LABELS[key], count: counts.find(([v]) => v === key)?.[1] ?? null })),
    ...options.teams.map((t) => ({ key: `team:${t.id}`, label: `Team ${t.name}`, count: null })),
    ...saved.map((v) => ({ key: `saved:${v.id}`, label: v.name, count: null, shared: v.sharedWithTeamId !== null })),
  ];
  return (
    <Inbox
      params={params}
      initialPage={{ tickets: page.rows.map(inboxRowView), next_cursor: page.nextCursor }}
      loadedAt={new Date().toISOString()}
      changeSeq={seq}
      views={views}
      options={options}
    />
  );
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const staff = await requireStaffPage('ticket:read', '/inbox');
  const raw = await searchParams;
  const params = Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === 'string' && v !== ''));
  const parsed = inboxQuerySchema.safeParse({ view: 'all_open', ...params });
  return (
    <>
      <PageHeader title="Inbox" description="Press ? for keyboard shortcuts. New tickets appear by themselves." />
      {parsed.success ? (
        <Suspense key={JSON.stringify(params)} fallback={<SkeletonRows rows={10} label="Loading tickets…" />}>
          <InboxData staff={staff} query={parsed.data} params={{ view: 'all_open', ...params }} />
        </Suspense>
      ) : (
        <FormMessage tone="error">
          {parsed.error.issues[0]?.message}. <a className="underline" href="/inbox">Reset the filters</a>
        </FormMessage>
      )}
    </>
  );
}
