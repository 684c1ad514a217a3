'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { Button, Field, FormMessage, Input } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { signUpAction } from '@/server/actions/portal-account';

export function SignUpForm() {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(signUpAction, async (_data, form) => {
    const values = new FormData(form);
    await signIn('customer', { redirect: false, email: String(values.get('email')), password: String(values.get('password')) });
    router.replace('/portal/new');
    router.refresh();
  }, { idempotent: true });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
      <Field label="Name" htmlFor="name" error={fieldError('name')}>
        <Input id="name" name="name" autoComplete="name" required />
      </Field>
      <Field label="Email" htmlFor="email" error={fieldError('email')}>
        <Input id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label="Password" htmlFor="password" hint="At least 8 characters" error={fieldError('password')}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Create account
      </Button>
    </form>
  );
}
