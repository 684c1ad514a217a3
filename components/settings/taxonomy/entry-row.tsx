'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { Badge, Button, Field, FormMessage, Input, Textarea, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import type { ActionResult } from '@/lib/errors';
import type { TaxonomyKind } from '@/lib/validation/taxonomy';
import { moveTaxonomyEntryAction, retireTaxonomyEntryAction, updateTaxonomyEntryAction } from '@/server/actions/taxonomy';

export interface EntryView {
  key: string;
  label: string;
  description: string;
  portalLabel?: string;
  retired: boolean;
}

/** One entry: its label, key and description, with rename/describe, up/down and retire/restore. */
export function EntryRow({ kind, entry, first, last, withPortalLabel }: { kind: TaxonomyKind; entry: EntryView; first: boolean; last: boolean; withPortalLabel: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const edit = useFormAction(updateTaxonomyEntryAction, () => {
    toast.success(`Saved “${entry.key}”`);
    setEditing(false);
    router.refresh();
  });

  function run(action: (form: FormData) => Promise<ActionResult<unknown>>, fields: Record<string, string>, done: string) {
    const form = new FormData();
    form.set('kind', kind);
    form.set('key', entry.key);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    startTransition(async () => {
      const result = await action(form);
      if (result.ok) {
        if (done) toast.success(done);
        router.refresh();
      } else toast.error(result.message);
    });
  }

  const id = `${kind}-${entry.key}`;
  return (
    <li className="py-3" data-testid="taxonomy-entry" data-key={entry.key}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">
            <span data-testid="taxonomy-label">{entry.label}</span>
            <code className="ml-2 font-mono text-xs text-slate-500">{entry.key}</code>
            {entry.retired ? <Badge className="ml-2">retired</Badge> : null}
          </p>
          {entry.description ? <p className="text-sm text-slate-600">{entry.description}</p> : null}
          {withPortalLabel && entry.portalLabel ? <p className="text-xs text-slate-500">Portal: {entry.portalLabel}</p> : null}
        </div>
        <div className="flex flex-wrap gap-1">
          <Button type="button" size="sm" variant="ghost" aria-label={`Move ${entry.label} up`} disabled={first || pending} onClick={() => run(moveTaxonomyEntryAction, { direction: 'up' }, '')}>
            <ArrowUp aria-hidden />
          </Button>
          <Button type="button" size="sm" variant="ghost" aria-label={`Move ${entry.label} down`} disabled={last || pending} onClick={() => run(moveTaxonomyEntryAction, { direction: 'down' }, '')}>
            <ArrowDown aria-hidden />
          </Button>
          <Button type="button" size="sm" variant="secondary" aria-expanded={editing} aria-controls={`${id}-edit`} aria-label={`Edit ${entry.label}`} onClick={() => setEditing(!editing)}>
            Edit
          </Button>
          <Button
            type="button"
            size="sm"
            variant="secondary"
            aria-label={`${entry.retired ? 'Restore' : 'Retire'} ${entry.label}`}
            loading={pending}
            onClick={() => run(retireTaxonomyEntryAction, { retired: String(!entry.retired) }, entry.retired ? `Restored “${entry.label}”` : `Retired “${entry.label}”`)}
          >
            {entry.retired ? 'Restore' : 'Retire'}
          </Button>
        </div>
      </div>
      {editing ? (
        <form id={`${id}-edit`} onSubmit={edit.onSubmit} className="mt-3 grid gap-3 rounded-control bg-slate-50 p-3 sm:grid-cols-2">
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="key" value={entry.key} />
          <Field label="Label" htmlFor={`${id}-label`} error={edit.fieldError('label')}>
            <Input name="label" defaultValue={entry.label} required maxLength={80} />
          </Field>
          {withPortalLabel ? (
            <Field label="Portal wording" htmlFor={`${id}-portal`} error={edit.fieldError('portalLabel')}>
              <Input name="portalLabel" defaultValue={entry.portalLabel ?? ''} maxLength={80} />
            </Field>
          ) : null}
          <Field label="Description" htmlFor={`${id}-description`} error={edit.fieldError('description')} className="sm:col-span-2">
            <Textarea name="description" defaultValue={entry.description} rows={2} maxLength={300} />
          </Field>
          <p className="text-xs text-slate-500 sm:col-span-2">The key “{entry.key}” never changes: tickets and reports keep using it.</p>
          <FormMessage tone="error" className="sm:col-span-2">{edit.failure?.message}</FormMessage>
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" size="sm" loading={edit.pending}>Save {entry.label}</Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
