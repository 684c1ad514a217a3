'use client';

import { X } from 'lucide-react';
import { Badge, Button, Card, CardBody, CardHeader, CardTitle, Combobox, type ComboboxOption } from '@/components/ui';
import { EditMessages } from './edit-messages';
import { useTicketEdit } from './use-ticket-edit';

export interface CxEntry {
  key: string;
  label: string;
  description: string;
  retired: boolean;
}
export interface CxTagEntry extends CxEntry {
  groupLabel: string;
}

export interface CxEditorProps {
  ticketId: number;
  version: number;
  journeyStage: string | null;
  touchpoint: string | null;
  tags: string[];
  stages: CxEntry[];
  touchpoints: CxEntry[];
  /** In the admin's order: groups first, then tags by position. */
  allTags: CxTagEntry[];
}

const choosable = (entries: CxEntry[], exclude: readonly (string | null)[] = []): ComboboxOption[] =>
  entries.filter((e) => !e.retired && !exclude.includes(e.key)).map((e) => ({ value: e.key, label: e.label, description: e.description || undefined }));

function Current({ entry, emptyText, testId }: { entry: CxEntry | undefined; emptyText: string; testId: string }) {
  return (
    <p className="text-sm text-slate-700" data-testid={testId}>
      {entry ? entry.label : <span className="text-slate-500">{emptyText}</span>}
      {entry?.retired ? <Badge className="ml-2">retired</Badge> : null}
    </p>
  );
}

interface TaxonomyPickerProps {
  field: 'journey_stage' | 'touchpoint';
  label: string;
  /** The plural for the search hint: "Type to search stages". */
  noun: string;
  entries: CxEntry[];
  current: string | null;
  emptyText: string;
  testId: string;
  save: ReturnType<typeof useTicketEdit>['save'];
}

/** A journey stage or touchpoint: a search-by-typing picker, the current entry, and a way to clear it. */
function TaxonomyPicker({ field, label, noun, entries, current, emptyText, testId, save }: TaxonomyPickerProps) {
  const entry = entries.find((e) => e.key === current);
  return (
    <div className="space-y-1.5">
      <Combobox
        id={testId}
        label={label}
        placeholder={`Type to search ${noun}`}
        options={choosable(entries, [current])}
        onSelect={(key) => save({ [field]: key }, `${label} saved`)}
      />
      <div className="flex items-center justify-between gap-2">
        <Current entry={entry} emptyText={emptyText} testId={`${testId}-current`} />
        {entry ? (
          <Button type="button" variant="ghost" size="sm" onClick={() => save({ [field]: null }, `${label} cleared`)}>
            Clear<span className="sr-only"> {label.toLowerCase()}</span>
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Where in the journey the problem arose, where it happened, and what it reveals. Pickers search by
 * typing and list the taxonomy in the admin's order; retired entries stay shown on tickets that carry
 * them but are not offered. Each choice is saved at once, against the version on screen.
 */
export function CxEditor(p: CxEditorProps) {
  const { save, pending, conflict, error } = useTicketEdit(p.ticketId, p.version);
  const tagOptions: ComboboxOption[] = p.allTags
    .filter((t) => !t.retired && !p.tags.includes(t.key))
    .map((t) => ({ value: t.key, label: t.label, description: t.description || undefined, group: t.groupLabel }));
  const tagsOnTicket = p.tags.map((key) => p.allTags.find((t) => t.key === key) ?? { key, label: key, description: '', retired: false, groupLabel: '' });

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Customer journey</CardTitle>
      </CardHeader>
      <CardBody className="space-y-4" aria-busy={pending}>
        <TaxonomyPicker
          field="journey_stage"
          label="Journey stage"
          noun="stages"
          entries={p.stages}
          current={p.journeyStage}
          emptyText="No stage yet"
          testId="cx-stage"
          save={save}
        />
        <TaxonomyPicker
          field="touchpoint"
          label="Touchpoint"
          noun="touchpoints"
          entries={p.touchpoints}
          current={p.touchpoint}
          emptyText="No touchpoint yet"
          testId="cx-touchpoint"
          save={save}
        />
        <div className="space-y-2">
          <Combobox
            id="cx-tags"
            label="CX tags"
            placeholder="Type to add a tag"
            options={tagOptions}
            onSelect={(key) => save({ tags: [...p.tags, key] }, 'Tag added')}
          />
          <ul className="flex flex-wrap gap-1.5" aria-label="Tags on this ticket" data-testid="cx-tags-current">
            {tagsOnTicket.length === 0 ? <li className="text-sm text-slate-500">No tags yet</li> : null}
            {tagsOnTicket.map((t) => (
              <li key={t.key} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-xs text-slate-800" title={t.groupLabel}>
                <span>{t.label}</span>
                {t.retired ? <span className="text-slate-500">(retired)</span> : null}
                <button
                  type="button"
                  className="rounded-full p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
                  aria-label={`Remove tag ${t.label}`}
                  onClick={() => save({ tags: p.tags.filter((k) => k !== t.key) }, 'Tag removed')}
                >
                  <X aria-hidden className="size-3" />
                </button>
              </li>
            ))}
          </ul>
        </div>
        <EditMessages conflict={conflict} error={error} />
      </CardBody>
    </Card>
  );
}
