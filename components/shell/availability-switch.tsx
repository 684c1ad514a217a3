'use client';

import { useOptimistic, useTransition } from 'react';
import { cn, toast } from '@/components/ui';
import { setAvailabilityAction } from '@/server/actions/availability';

/** "Available for new tickets": round-robin hands tickets only to available agents. Off again at sign-out. */
export function AvailabilitySwitch({ available }: { available: boolean }) {
  const [shown, setShown] = useOptimistic(available);
  const [pending, startTransition] = useTransition();
  function toggle() {
    const next = !shown;
    startTransition(async () => {
      setShown(next);
      const form = new FormData();
      form.set('available', String(next));
      const result = await setAvailabilityAction(form);
      if (!result.ok) toast.error(result.message);
    });
  }
  return (
    <button type="button" role="switch" aria-checked={shown} onClick={toggle} disabled={pending}
      className="inline-flex items-center gap-2 rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:bg-slate-50">
      <span className={cn('inline-block size-2.5 rounded-full', shown ? 'bg-emerald-500' : 'bg-slate-400')} aria-hidden />
      {shown ? 'Available for new tickets' : 'Not taking new tickets'}
    </button>
  );
}
