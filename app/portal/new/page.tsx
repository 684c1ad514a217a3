import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { RequestForm } from '@/components/portal/request-form';
import { getDb } from '@/server/db';
import { requireCustomerPage } from '@/server/auth/session';
import { listActiveTaxonomy } from '@/server/queries/taxonomy';

export const metadata: Metadata = { title: 'New request' };

export default async function NewRequestPage() {
  await requireCustomerPage('/portal/new');
  const taxonomy = await listActiveTaxonomy(await getDb());
  return (
    <div className="space-y-6">
      <PageHeader title="New request" description="Tell us what happened. We usually answer within a working day." />
      <RequestForm
        stages={taxonomy.stages.map((s) => ({ value: s.key, label: s.portalLabel || s.label }))}
        touchpoints={taxonomy.touchpoints.map((t) => ({ value: t.key, label: t.portalLabel || t.label }))}
      />
    </div>
  );
}
