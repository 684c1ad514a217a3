'use client';

import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/errors';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** An unused file input still adds an empty, nameless file, which would reach the server as a bogus upload. */
function withoutEmptyFileInputs(data: FormData): FormData {
  const out = new FormData();
  for (const [key, value] of data.entries()) {
    if (typeof value !== 'string' && value.size === 0 && value.name === '') continue;
    out.append(key, value);
  }
  return out;
}

/**
 * Runs a server action from a form without React's automatic form reset, so a failed submit keeps
 * everything the person typed. Returns the last failure for the form to show.
 */
export function useFormAction<T>(
  action: (form: FormData) => Promise<ActionResult<T>>,
  onSuccess: (data: T, form: HTMLFormElement) => void | Promise<void>,
) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = withoutEmptyFileInputs(new FormData(form, (event.nativeEvent as SubmitEvent).submitter));
    startTransition(async () => {
      try {
        const result = await action(data);
        if (result.ok) {
          setFailure(null);
          await onSuccess(result.data, form);
        } else {
          setFailure(result);
        }
      } catch {
        setFailure({ ok: false, code: 'internal', message: 'We could not reach the server. Check your connection and try again.' });
      }
    });
  }

  const fieldError = (name: string) => failure?.fieldErrors?.[name]?.[0];
  return { pending, failure, fieldError, onSubmit, clearFailure: () => setFailure(null) };
}
