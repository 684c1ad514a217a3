'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Field, FormMessage, Input } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { requestResetAction, resetPasswordAction, verifyEmailAction } from '@/server/actions/portal-account';

/** "Forgot password": the answer never says whether the address has an account. */
export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { pending, failure, fieldError, onSubmit } = useFormAction(requestResetAction, (data) => setSentTo(data.email));
  if (sentTo) {
    return <FormMessage tone="success">If {sentTo} has an account, we sent it a link to choose a new password. The link works for one hour.</FormMessage>;
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
      <Field label="Email" htmlFor="email" error={fieldError('email')}>
        <Input id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Button type="submit" loading={pending} className="w-full">Send reset link</Button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(resetPasswordAction, () => router.replace('/portal/login?reset=1'));
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
      <Field label="New password" htmlFor="password" hint="At least 8 characters" error={fieldError('password')}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required />
      </Field>
      <Field label="Repeat the new password" htmlFor="confirm" error={fieldError('confirm')}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" loading={pending} className="w-full">Save new password</Button>
    </form>
  );
}

export function VerifyEmailForm({ token }: { token: string }) {
  const router = useRouter();
  const { pending, failure, onSubmit } = useFormAction(verifyEmailAction, () => {
    router.replace('/portal?verified=1');
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage tone="error">{failure ? failure.message : null}</FormMessage>
      <Button type="submit" loading={pending} className="w-full">Confirm my email</Button>
    </form>
  );
}
