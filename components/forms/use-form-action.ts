'use client';

import { useRef, useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/errors';
import { TOO_LARGE_PREFIX } from '@/lib/http/body-limits';
import { IDEMPOTENCY_FIELD } from '@/lib/validation/idempotency';
import { newSubmissionKey } from './submission-key';

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
 *
 * `idempotent`: for actions that create something. Each submission carries a key (the `idempotencyKey`
 * field) that stays the same until a submit succeeds, so a double click or a resend after a network error
 * reaches the server with the same key and is saved once (server/actions/idempotent-action.ts).
 */
export function useFormAction<T>(
  action: (form: FormData) => Promise<ActionResult<T>>,
  onSuccess: (data: T, form: HTMLFormElement) => void | Promise<void>,
  options: { idempotent?: boolean } = {},
) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<Failure | null>(null);
  const submissionKey = useRef<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = withoutEmptyFileInputs(new FormData(form, (event.nativeEvent as SubmitEvent).submitter));
    if (options.idempotent) data.set(IDEMPOTENCY_FIELD, (submissionKey.current ??= newSubmissionKey()));
    startTransition(async () => {
      try {
        const result = await action(data);
        if (result.ok) {
          submissionKey.current = null; // saved: the next submission is a new one
          setFailure(null);
          await onSuccess(result.data, form);
        } else {
          // A refused key was already used for other content: the message says to reload; a new key lets a
          // deliberate resend through. Any other failure saved nothing, so the key stays for the retry.
          if (result.code === 'idempotency_key_reused') submissionKey.current = null;
          setFailure(result);
        }
      } catch (error) {
        // A body over its limit is refused before the action runs (413, proxy.ts): say that, not "no connection".
        const tooLarge = error instanceof Error && error.message.startsWith(TOO_LARGE_PREFIX);
        setFailure(
          tooLarge
            ? { ok: false, code: 'payload_too_large', message: error.message }
            : { ok: false, code: 'internal', message: 'We could not reach the server. Check your connection and try again.' },
        );
      }
    });
  }

  const fieldError = (name: string) => failure?.fieldErrors?.[name]?.[0];
  return { pending, failure, fieldError, onSubmit, clearFailure: () => setFailure(null) };
}
