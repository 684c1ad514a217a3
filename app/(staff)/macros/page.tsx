import type { Metadata } from 'next';
import { MessageSquareText } from 'lucide-react';
import { MacroForm } from '@/components/macros/macro-form';
import { PageHeader } from '@/components/shell/page-header';
import { Badge, Card, CardBody, CardHeader, CardTitle, EmptyState } from '@/components/ui';
import { canEditMacro } from '@/lib/domain/macro-rules';
import { can } from '@/lib/domain/permissions';
import { getDb } from '@/server/db';
import { requireStaffPage } from '@/server/auth/session';
import { listActiveTagOptions, listUsableMacros } from '@/server/queries/macros';
import { listActiveTaxonomy } from '@/server/queries/taxonomy';

export const metadata: Metadata = { title: 'Macros' };

/** Macros: every staff member keeps personal ones; leads and admins (macros:manage) share and edit shared ones. */
export default async function MacrosPage() {
  const staff = await requireStaffPage('ticket:reply', '/macros');
  const db = await getDb();
  const [macros, taxonomy, tags] = await Promise.all([
    listUsableMacros(db, staff),
    listActiveTaxonomy(db),
    listActiveTagOptions(db),
  ]);
  const stages = taxonomy.stages.map((s) => ({ value: s.key, label: s.label }));
  const canShare = can(staff, 'macros:manage');
  return (
    <div className="space-y-6">
      <PageHeader
        title="Macros"
        description="Saved replies. In a ticket's composer, type / or use the Macros button to insert one; its actions apply when you send."
      />
      <Card>
        <CardHeader>
          <CardTitle>New macro</CardTitle>
        </CardHeader>
        <CardBody>
          <MacroForm stages={stages} tags={tags} canShare={canShare} />
        </CardBody>
      </Card>
      {macros.length === 0 ? (
        <EmptyState icon={MessageSquareText} title="No macros yet" description="Create one above; it appears in every composer you open." />
      ) : (
        <ul className="space-y-3" aria-label="Macros" data-testid="macro-list">
          {macros.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{m.name}</span>
                  <Badge tone={m.shared ? 'info' : 'neutral'}>{m.shared ? 'Shared' : 'Personal'}</Badge>
                  <span className="text-xs text-slate-500">by {m.ownerName}</span>
                </summary>
                <div className="mt-3">
                  {canEditMacro(staff, m) ? (
                    <MacroForm macro={m} stages={stages} tags={tags} canShare={canShare} />
                  ) : (
                    <p className="whitespace-pre-wrap break-words text-sm text-slate-700">{m.body}</p>
                  )}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
