import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui';
import { PageHeader } from '@/components/shell/page-header';
import { EntryRow } from '@/components/settings/taxonomy/entry-row';
import { TaxonomySection } from '@/components/settings/taxonomy/taxonomy-section';
import { getDb } from '@/server/db';
import { requireStaffPage } from '@/server/auth/session';
import { listTaxonomy } from '@/server/queries/taxonomy';

export const metadata: Metadata = { title: 'Taxonomy' };

export default async function TaxonomyPage() {
  await requireStaffPage('settings:manage', '/settings/taxonomy');
  const { stages, touchpoints, groups, tags } = await listTaxonomy(await getDb());
  const activeGroups = groups.filter((g) => !g.retired);
  // Tags whose group is not listed (an older import) still show, under their group key.
  const tagGroups = [...groups, ...[...new Set(tags.map((t) => t.group))].filter((k) => !groups.some((g) => g.key === k)).map((key) => ({ key, label: key }))];
  return (
    <div className="space-y-6">
      <PageHeader
        title="Taxonomy"
        description="Journey stages, touchpoints and CX tags, in the order agents and customers see them. Keys never change; retired entries stay on the tickets that carry them and in reports, but cannot be chosen again."
        actions={<Link href="/settings" className={buttonClasses({ variant: 'secondary' })}>All settings</Link>}
      />
      <TaxonomySection kind="journey_stage" title="Journey stages" noun="stage" description="Where in the customer's journey the problem arose." entries={stages} />
      <TaxonomySection kind="touchpoint" title="Touchpoints" noun="touchpoint" description="Where the experience happened." entries={touchpoints} />
      <TaxonomySection kind="tag_group" title="CX tag groups" noun="group" description="The groups CX tags sit in." entries={groups} />
      <TaxonomySection kind="tag" title="CX tags" noun="tag" description="What a ticket reveals, by group. Up and down move a tag within its group." entries={tags} groups={activeGroups}>
        <div className="space-y-4">
          {tagGroups.map((g) => {
            const inGroup = tags.filter((t) => t.group === g.key);
            if (inGroup.length === 0) return null;
            return (
              <section key={g.key} aria-labelledby={`tag-group-${g.key}`}>
                <h3 id={`tag-group-${g.key}`} className="text-sm font-semibold text-slate-700">{g.label}</h3>
                <ul className="divide-y divide-slate-100" aria-label={`${g.label} tags`}>
                  {inGroup.map((t, i) => (
                    <EntryRow key={t.key} kind="tag" entry={t} first={i === 0} last={i === inGroup.length - 1} withPortalLabel={false} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </TaxonomySection>
    </div>
  );
}
