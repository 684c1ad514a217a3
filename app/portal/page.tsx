import type { Metadata } from 'next';
import Link from 'next/link';
import { Inbox } from 'lucide-react';
import { buttonClasses, EmptyState, FormMessage } from '@/components/ui';
import { PageHeader } from '@/components/shell/page-header';
import { RequestList } from '@/components/portal/request-list';
import { getDb } from '@/server/db';
import { getActor } from '@/server/auth/session';
import { listCustomerRequests, portalScopeOf } from '@/server/queries/portal';
import { VerifyEmailBanner } from '@/components/portal/verify-email-banner';

export const metadata: Metadata = { title: 'Support' };

export default async function PortalHome({ searchParams }: { searchParams: Promise<{ verified?: string }> }) {
  const actor = await getActor();
  if (actor?.kind !== 'customer') {
    return (
      <div className="space-y-6 py-8 text-center">
        <h1 className="text-3xl font-semibold text-slate-900">How can we help?</h1>
        <p className="text-slate-600">Tell us what happened and follow your request until it is solved.</p>
        <div className="flex flex-wrap justify-center gap-3">
          <Link href="/portal/new" className={buttonClasses({})}>Submit a request</Link>
          <Link href="/portal/login" className={buttonClasses({ variant: 'secondary' })}>Sign in</Link>
          <Link href="/portal/signup" className={buttonClasses({ variant: 'secondary' })}>Create an account</Link>
        </div>
        <p className="text-sm text-slate-600">No account needed to submit: we send you a private link to follow your request.</p>
      </div>
    );
  }
  const requests = await listCustomerRequests(await getDb(), portalScopeOf(actor));
  return (
    <div className="space-y-6">
      <PageHeader
        title="My requests"
        description={`Signed in as ${actor.email}`}
        actions={<Link href="/portal/new" className={buttonClasses({})}>New request</Link>}
      />
      {!actor.emailVerified && <VerifyEmailBanner email={actor.email} />}
      <FormMessage tone="success">{actor.emailVerified && (await searchParams).verified ? 'Your email address is confirmed.' : null}</FormMessage>
      {requests.length === 0 ? (
        <EmptyState icon={Inbox} title="No requests yet" description="When you contact us, your requests and our replies appear here."
          action={<Link href="/portal/new" className={buttonClasses({})}>Submit a request</Link>} />
      ) : (
        <RequestList requests={requests} />
      )}
    </div>
  );
}
