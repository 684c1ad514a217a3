'use client';

import { useState, useTransition } from 'react';
import { Button, FormMessage, NativeSelect } from '@/components/ui';
import { PRIORITIES, PRIORITY_LABELS, SETTABLE_STATUSES, STATUS_LABELS } from '@/lib/domain/ticket-values';
import { bulkEditAction, type BulkResult } from '@/server/actions/inbox';
import type { Options } from './types';

type Action = 'assign' | 'status' | 'priority' | 'tag';

/** One change for every selected ticket; the outcome names the tickets that failed and why. */
export type BulkOutcome = { tone: 'success' | 'error'; text: string };

export function BulkBar({ selected, options, onDone }: { selected: number[]; options: Options; onDone: (outcome: BulkOutcome) => void }) {
  const [action, setAction] = useState<Action>('assign');
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const values: Record<Action, { value: string; label: string }[]> = {
    assign: [{ value: 'me', label: 'Me' }, { value: 'none', label: 'Nobody' }, ...options.staff.map((s) => ({ value: String(s.id), label: s.name }))],
    status: SETTABLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
    priority: PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] })),
    tag: options.tags.map((t) => ({ value: t.key, label: t.label })),
  };

  function describe(r: BulkResult): BulkOutcome {
    const failed = r.failed.map((f) => `#${f.id}: ${f.message}`).join(' ');
    return { tone: r.failed.length ? 'error' : 'success', text: `${r.changed} changed${r.failed.length ? `, ${r.failed.length} failed. ${failed}` : '.'}` };
  }

  function submit(form: FormData) {
    form.set('ids', selected.join(','));
    startTransition(async () => {
      const result = await bulkEditAction(form);
      if (result.ok) onDone(describe(result.data));
      else setFailure(result.message);
    });
  }

  return (
    <form action={submit} className="flex flex-wrap items-end gap-2 rounded-lg border border-brand-200 bg-brand-50 p-3" aria-label="Bulk edit" data-testid="bulk-bar">
      <span className="self-center text-sm font-medium text-brand-900">{selected.length} selected</span>
      <div className="flex flex-col gap-1">
        <label htmlFor="bulk-action" className="text-xs font-medium text-slate-600">Change</label>
        <NativeSelect id="bulk-action" name="action" value={action} onChange={(e) => setAction(e.target.value as Action)}
          options={[{ value: 'assign', label: 'Assignee' }, { value: 'status', label: 'Status' }, { value: 'priority', label: 'Priority' }, { value: 'tag', label: 'Add CX tag' }]} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="bulk-value" className="text-xs font-medium text-slate-600">To</label>
        <NativeSelect id="bulk-value" key={action} name="value" options={values[action]} />
      </div>
      <Button type="submit" loading={pending}>Apply to {selected.length}</Button>
      <FormMessage tone="error" className="w-full">{failure}</FormMessage>
    </form>
  );
}
