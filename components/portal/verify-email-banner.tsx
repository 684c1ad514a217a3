'use client';

import { useState, useTransition } from 'react';
import { Button, FormMessage } from '@/components/ui';
import { resendVerificationAction } from '@/server/actions/portal-account';

/** Until the address is confirmed, the account lists only what it submitted: say so, and offer a new link. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-900" data-testid="verify-banner">
      <p>
        <strong>Confirm your email address.</strong> We sent a link to {email}. Until you open it, this account shows only the
        requests you submitted while signed in, not earlier ones made with this address.
      </p>
      <Button
        type="button"
        size="sm"
        variant="secondary"
        loading={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await resendVerificationAction();
            setMessage(result.ok ? { tone: 'success', text: 'We sent a new link.' } : { tone: 'error', text: result.message });
          })
        }
      >
        Send the link again
      </Button>
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
    </div>
  );
}
