'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Button, Field, FormMessage, Input } from '@/components/ui';

const GENERIC = "That email and password don't match. Check them and try again.";

/** Credentials sign-in for staff (`/login`) or customers (the portal). */
export function SignInForm({ provider, callbackUrl }: { provider: 'staff' | 'customer'; callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signIn(provider, {
        redirect: false,
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
      });
      if (!result || result.error) {
        setError(!result?.error || result.error === 'CredentialsSignin' ? GENERIC : result.error);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage tone="error">{error}</FormMessage>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
