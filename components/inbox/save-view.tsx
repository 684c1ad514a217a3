'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Field, FormMessage, Input, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { saveViewAction } from '@/server/actions/inbox';

/** "Save view": the current filters and sort under a name, for me or my team. */
export function SaveView({ params }: { params: Record<string, string> }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { pending, failure, fieldError, onSubmit } = useFormAction(saveViewAction, (data) => {
    setOpen(false);
    toast.success('View saved');
    router.push(`/inbox?view=saved:${data.id}`);
  });
  if (!open) {
    return <Button type="button" variant="ghost" size="sm" onClick={() => setOpen(true)}>Save as view…</Button>;
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" noValidate>
      <input type="hidden" name="params" value={JSON.stringify(params)} />
      <Field label="View name" htmlFor="view-name" error={fieldError('name')}>
        <Input id="view-name" name="name" required />
      </Field>
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" name="shared" /> Share with my team
      </label>
      <Button type="submit" size="sm" loading={pending}>Save view</Button>
      <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
      <FormMessage tone="error" className="w-full">{failure && !failure.fieldErrors?.name ? failure.message : null}</FormMessage>
    </form>
  );
}
