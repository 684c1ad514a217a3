import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui';
import type { TaxonomyKind } from '@/lib/validation/taxonomy';
import { AddEntryForm } from './add-entry-form';
import { EntryRow, type EntryView } from './entry-row';

/** One list of the taxonomy, in order, with the form that adds to it. */
export function TaxonomySection(props: {
  kind: TaxonomyKind;
  title: string;
  description: string;
  noun: string;
  entries: EntryView[];
  groups?: { key: string; label: string }[];
  children?: React.ReactNode;
}) {
  const { kind, title, description, noun, entries, groups, children } = props;
  const withPortalLabel = kind === 'journey_stage' || kind === 'touchpoint';
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>{title}</CardTitle>
          <p className="text-sm text-slate-500">{description}</p>
        </div>
      </CardHeader>
      <CardBody className="space-y-2">
        {children ?? (
          <ul className="divide-y divide-slate-100" aria-label={title}>
            {entries.map((e, i) => (
              <EntryRow key={e.key} kind={kind} entry={e} first={i === 0} last={i === entries.length - 1} withPortalLabel={withPortalLabel} />
            ))}
          </ul>
        )}
        <AddEntryForm kind={kind} noun={noun} groups={groups} />
      </CardBody>
    </Card>
  );
}
