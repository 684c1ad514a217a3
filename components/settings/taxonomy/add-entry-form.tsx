'use client';

import { useRouter } from 'next/navigation';
import { Button, Field, FormMessage, Input, NativeSelect, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import type { TaxonomyKind } from '@/lib/validation/taxonomy';
import { addTaxonomyEntryAction } from '@/server/actions/taxonomy';

/** Adds an entry at the end of a list. The key is a lowercase slug and is fixed once created. */
export function AddEntryForm({ kind, noun, groups }: { kind: TaxonomyKind; noun: string; groups?: { key: string; label: string }[] }) {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(addTaxonomyEntryAction, (data, form) => {
    toast.success(`Added “${data.key}”`);
    form.reset();
    router.refresh();
  });
  const id = `add-${kind}`;
  return (
    <form onSubmit={onSubmit} className="grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-2" aria-label={`Add a ${noun}`}>
      <input type="hidden" name="kind" value={kind} />
      <Field label={`New ${noun} key`} htmlFor={`${id}-key`} hint="Lowercase letters, digits and _; it never changes." error={fieldError('key')}>
        <Input name="key" required maxLength={40} pattern="[a-z][a-z0-9_]*" autoComplete="off" />
      </Field>
      <Field label={`New ${noun} label`} htmlFor={`${id}-label`} error={fieldError('label')}>
        <Input name="label" required maxLength={80} />
      </Field>
      {groups ? (
        <Field label="Group" htmlFor={`${id}-group`} error={fieldError('group')}>
          <NativeSelect name="group" required options={groups.map((g) => ({ value: g.key, label: g.label }))} />
        </Field>
      ) : null}
      <Field label={`New ${noun} description`} htmlFor={`${id}-description`} error={fieldError('description')} className={groups ? '' : 'sm:col-span-2'}>
        <Input name="description" maxLength={300} />
      </Field>
      <FormMessage tone="error" className="sm:col-span-2">{failure?.message}</FormMessage>
      <div className="sm:col-span-2">
        <Button type="submit" size="sm" variant="secondary" loading={pending}>Add {noun}</Button>
      </div>
    </form>
  );
}
