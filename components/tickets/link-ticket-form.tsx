'use client';

import { useRouter } from 'next/navigation';
import { X } from 'lucide-react';
import { Button, Field, Input, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { linkTicketAction, unlinkTicketAction } from '@/server/actions/merge';

/** Link this ticket to a related one by its number. */
export function LinkTicketForm({ ticketId }: { ticketId: number }) {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(linkTicketAction, (data, form) => {
    form.reset();
    toast.success(`Linked #${data.otherId}`);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="flex items-end gap-2" noValidate>
      <input type="hidden" name="ticketId" value={ticketId} />
      <Field label="Link a related ticket" htmlFor="link-other" error={fieldError('otherId') ?? (failure && !failure.fieldErrors ? failure.message : undefined)} className="flex-1">
        <Input id="link-other" name="otherId" inputMode="numeric" placeholder="Ticket number" autoComplete="off" />
      </Field>
      <Button type="submit" variant="secondary" loading={pending}>Link</Button>
    </form>
  );
}

export function UnlinkButton({ ticketId, otherId }: { ticketId: number; otherId: number }) {
  const router = useRouter();
  const { pending, onSubmit } = useFormAction(unlinkTicketAction, () => router.refresh());
  return (
    <form onSubmit={onSubmit} className="inline">
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="otherId" value={otherId} />
      <button type="submit" disabled={pending} aria-label={`Unlink #${otherId}`} className="rounded p-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800">
        <X aria-hidden className="size-3.5" />
      </button>
    </form>
  );
}
