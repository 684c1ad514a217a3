import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/shell/page-header';
import { RequestForm } from '@/components/portal/request-form';
import { getDb } from '@/server/db';
import { getActor } from '@/server/auth/session';
import { listActiveTaxonomy } from '@/server/queries/taxonomy';

export const metadata: Metadata = { title: 'New request' };

/** Signed-in customers submit as themselves; anyone else as a guest, with an email address. */
export default async function NewRequestPage() {
  const actor = await getActor();
  if (actor?.kind === 'staff') redirect('/inbox');
  const taxonomy = await listActiveTaxonomy(await getDb());
  const guest = actor === null;
  return (
    <div className="space-y-6">
      <PageHeader title="New request" description="Tell us what happened. We usually answer within a working day." />
      {guest && (
        <p className="text-sm text-slate-700">
          No account needed: we send you a private link to follow your request.{' '}
          <Link href="/portal/login?callbackUrl=%2Fportal%2Fnew" className="font-medium text-brand-700 underline">Sign in</Link> to keep all your requests in one place.
        </p>
      )}
      <RequestForm
        guest={guest}
        stages={taxonomy.stages.map((s) => ({ value: s.key, label: s.portalLabel || s.label }))}
        touchpoints={taxonomy.touchpoints.map((t) => ({ value: t.key, label: t.portalLabel || t.label }))}
      />
    </div>
  );
}
