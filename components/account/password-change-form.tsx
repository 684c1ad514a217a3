'use client';

import { useState } from 'react';
import { Button, Field, FormMessage, Input } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { changePasswordAction } from '@/server/actions/account';

const ended = (n: number) => (n === 0 ? 'You were not signed in anywhere else.' : n === 1 ? 'One other browser was signed out.' : `${n} other browsers were signed out.`);

/** Change one's own password (staff and portal alike). Other sessions end; this one stays signed in. */
export function PasswordChangeForm() {
  const [done, setDone] = useState<string | null>(null);
  const { pending, failure, fieldError, onSubmit } = useFormAction(changePasswordAction, (data, form) => {
    form.reset();
    setDone(`Your password is changed. ${ended(data.endedSessions)}`);
  });
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4" noValidate onInput={() => setDone(null)}>
      <FormMessage tone="success">{done}</FormMessage>
      <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
      <Field label="Current password" htmlFor="currentPassword" error={fieldError('currentPassword')}>
        <Input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field label="New password" htmlFor="password" hint="At least 8 characters" error={fieldError('password')}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required />
      </Field>
      <Field label="Repeat the new password" htmlFor="confirm" error={fieldError('confirm')}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" loading={pending}>Change password</Button>
    </form>
  );
}
