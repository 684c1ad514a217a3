import type { Metadata } from 'next';
import { Suspense } from 'react';
import { z } from 'zod';
import { InboxList } from '@/components/inbox/inbox-list';
import { PageHeader } from '@/components/shell/page-header';
import { SkeletonRows } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireStaffPage } from '@/server/auth/session';
import { inboxRowJson } from '@/server/http/serializers';
import { INBOX_SCOPES, listInbox, type InboxScope } from '@/server/queries/inbox';

export const metadata: Metadata = { title: 'Inbox' };

const paramsSchema = z.object({ scope: z.enum(INBOX_SCOPES).catch('open') });

async function FirstPage({ scope, staffId }: { scope: InboxScope; staffId: number }) {
  const first = await listInbox(await getDb(), { scope, staffId });
  return <InboxList scope={scope} initialPage={{ tickets: first.rows.map(inboxRowJson), next_cursor: first.nextCursor }} />;
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const staff = await requireStaffPage('ticket:read', '/inbox');
  const { scope } = paramsSchema.parse(await searchParams);
  return (
    <>
      <PageHeader title="Inbox" description="Newest requests first. The list refreshes by itself." />
      <Suspense key={scope} fallback={<SkeletonRows rows={10} label="Loading tickets…" />}>
        <FirstPage scope={scope} staffId={staff.id} />
      </Suspense>
    </>
  );
}
