'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { toast } from '@/components/ui';
import type { TicketFieldsInput } from '@/lib/validation/tickets';
import { editTicketAction } from '@/server/actions/tickets';

type Fields = Omit<TicketFieldsInput, 'version'>;

/**
 * Saves field edits against the version on screen. On a conflict the page reloads its data, so the
 * controls show the current values, while the conflict message ("X changed this to Y; your change was
 * not saved") stays up until the next edit.
 */
export function useTicketEdit(ticketId: number, version: number) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [conflict, setConflict] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function save(fields: Fields, done: string) {
    setConflict(null);
    setError(null);
    startTransition(async () => {
      try {
        const result = await editTicketAction({ ticketId, version, ...fields });
        if (result.ok) {
          toast.success(done);
        } else if (result.code === 'conflict') {
          setConflict(result.message);
        } else {
          // A schema failure's own message is generic: its first field message says what to fix.
          const detail = Object.values(result.fieldErrors ?? {})[0]?.[0];
          setError(result.message === 'Some fields need your attention.' && detail ? detail : result.message);
          return;
        }
        router.refresh();
      } catch {
        setError('We could not reach the server. Check your connection and try again.');
      }
    });
  }
  return { save, pending, conflict, error };
}
