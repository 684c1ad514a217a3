'use client';

import { signOut } from 'next-auth/react';
import { useState, useTransition } from 'react';
import { LogOut } from 'lucide-react';
import { Button, FormMessage } from '@/components/ui';
import { signOutEverywhereAction } from '@/server/actions/account';

/**
 * Ends every session of the signed-in person on the server (other browsers and copies of this cookie), then
 * clears this browser's cookie and goes to `redirectTo`.
 */
export function SignOutEverywhereButton({ redirectTo, variant = 'secondary' }: { redirectTo: string; variant?: 'secondary' | 'danger' }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run() {
    startTransition(async () => {
      try {
        const result = await signOutEverywhereAction();
        // "Your session has ended" means there is nothing left to end here either: sign this browser out too.
        if (!result.ok && result.code !== 'unauthenticated') {
          setError(result.message);
          return;
        }
        await signOut({ callbackUrl: redirectTo });
      } catch {
        setError('We could not reach the server. Check your connection and try again.');
      }
    });
  }
  return (
    <div className="space-y-2">
      <FormMessage tone="error">{error}</FormMessage>
      <Button type="button" variant={variant} loading={pending} onClick={run}>
        <LogOut aria-hidden className="size-4" /> Sign out everywhere
      </Button>
    </div>
  );
}
