import type { Metadata } from 'next';
import { z } from 'zod';
import { InboxList } from '@/components/inbox/inbox-list';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db/client';
import { requireStaffPage } from '@/server/auth/session';
import { inboxRowJson } from '@/server/http/serializers';
import { INBOX_SCOPES, listInbox } from '@/server/queries/inbox';

export const metadata: Metadata = { title: 'Inbox' };

const paramsSchema = z.object({ scope: z.enum(INBOX_SCOPES).catch('open') });

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const staff = await requireStaffPage('ticket:read', '/inbox');
  const { scope } = paramsSchema.parse(await searchParams);
  const first = await listInbox(await getDb(), { scope, staffId: staff.id });

  return (
    <>
      <PageHeader title="Inbox" description="Newest requests first. The list refreshes by itself." />
      <InboxList scope={scope} initialPage={{ tickets: first.rows.map(inboxRowJson), next_cursor: first.nextCursor }} />
    </>
  );
}
