'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Field, FormMessage, Textarea, cn } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { rateRequestAction } from '@/server/actions/portal';

const LABELS = ['Very poor', 'Poor', 'Okay', 'Good', 'Excellent'];

/** Which request is rated: by its key (signed in), a guest link, or a mailed rating link. */
export type RatingTarget = { ticketKey: string } | { guestToken: string } | { ratingToken: string };

/**
 * The 1–5 rating, as a radio group (arrow keys move between the scores), with an optional comment.
 * Rating again replaces the previous rating.
 */
export function RatingForm({ target, current, initialScore }: { target: RatingTarget; current: { score: number; comment: string } | null; initialScore?: number }) {
  const router = useRouter();
  const [saved, setSaved] = useState<number | null>(null);
  const { pending, failure, fieldError, onSubmit } = useFormAction(rateRequestAction, (data) => {
    setSaved(data.score);
    router.refresh();
  }, { idempotent: true });
  const [name, value] = Object.entries(target)[0];
  const selected = initialScore ?? current?.score;
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate data-testid="rating-form">
      <input type="hidden" name={name} value={value} />
      <fieldset className="space-y-2">
        <legend className="text-base font-semibold text-slate-900">How did we do?</legend>
        <p className="text-sm text-slate-600">{current ? `You rated this ${current.score} out of 5. You can change your rating until the request is closed.` : 'Rate our help from 1 (very poor) to 5 (excellent).'}</p>
        <div className="grid grid-cols-5 gap-2 sm:flex sm:flex-wrap">
          {LABELS.map((label, i) => (
            <label key={label} className="block cursor-pointer" data-testid={`score-${i + 1}`}>
              <input type="radio" name="score" value={i + 1} defaultChecked={selected === i + 1} className="peer sr-only" aria-label={`${i + 1} – ${label}`} />
              <span
                aria-hidden
                className={cn(
                  'flex h-full flex-col items-center rounded-control border border-slate-300 px-1 py-2 text-center text-sm text-slate-700 sm:min-w-16 sm:px-3',
                  'peer-checked:border-brand-600 peer-checked:bg-brand-50 peer-checked:text-brand-800 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-500',
                )}
              >
                <span className="text-lg font-semibold">{i + 1}</span>
                <span className="text-[11px] leading-tight sm:text-xs">{label}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldError('score') && <p className="text-sm text-danger-700" data-testid="field-error">{fieldError('score')}</p>}
      </fieldset>
      <Field label="Comment" htmlFor="comment" hint="Optional" error={fieldError('comment')}>
        <Textarea id="comment" name="comment" rows={3} defaultValue={current?.comment ?? ''} />
      </Field>
      <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
      <FormMessage tone="success">{saved ? `Thanks! We saved your rating of ${saved} out of 5.` : null}</FormMessage>
      <Button type="submit" loading={pending}>{current ? 'Update rating' : 'Send rating'}</Button>
    </form>
  );
}
