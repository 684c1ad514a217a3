'use client';

import { useState, useTransition } from 'react';
import { Button, FormMessage, NativeSelect } from '@/components/ui';
import { PRIORITIES, PRIORITY_LABELS, SETTABLE_STATUSES, STATUS_LABELS } from '@/lib/domain/ticket-values';
import { bulkEditAction, type BulkResult } from '@/server/actions/inbox';
import type { Options } from './types';

type Action = 'assign' | 'status' | 'priority' | 'tag';

/** One change for every selected ticket; the outcome names the tickets that failed and why. */
export function BulkBar({ selected, options, onDone }: { selected: number[]; options: Options; onDone: () => void }) {
  const [action, setAction] = useState<Action>('assign');
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const values: Record<Action, { value: string; label: string }[]> = {
    assign: [{ value: 'me', label: 'Me' }, { value: 'none', label: 'Nobody' }, ...options.staff.map((s) => ({ value: String(s.id), label: s.name }))],
    status: SETTABLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
    priority: PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] })),
    tag: options.tags.map((t) => ({ value: t.key, label: t.label })),
  };

  function describe(r: BulkResult): { tone: 'success' | 'error'; text: string } {
    const failed = r.failed.map((f) => `#${f.id}: ${f.message}`).join(' ');
    return { tone: r.failed.length ? 'error' : 'success', text: `${r.changed} changed${r.failed.length ? `, ${r.failed.length} failed. ${failed}` : '.'}` };
  }

  function submit(form: FormData) {
    form.set('ids', selected.join(','));
    startTransition(async () => {
      const result = await bulkEditAction(form);
      setOutcome(result.ok ? describe(result.data) : { tone: 'error', text: result.message });
      if (result.ok) onDone();
    });
  }

  return (
    <form action={submit} className="flex flex-wrap items-end gap-2 rounded-lg border border-brand-200 bg-brand-50 p-3" aria-label="Bulk edit" data-testid="bulk-bar">
      <span className="self-center text-sm font-medium text-brand-900">{selected.length} selected</span>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Change
        <NativeSelect name="action" value={action} onChange={(e) => setAction(e.target.value as Action)}
          options={[{ value: 'assign', label: 'Assignee' }, { value: 'status', label: 'Status' }, { value: 'priority', label: 'Priority' }, { value: 'tag', label: 'Add CX tag' }]} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        To
        <NativeSelect key={action} name="value" options={values[action]} />
      </label>
      <Button type="submit" loading={pending}>Apply to {selected.length}</Button>
      {outcome ? <FormMessage tone={outcome.tone} className="w-full">{outcome.text}</FormMessage> : null}
    </form>
  );
}
