'use client';

import { useRouter } from 'next/navigation';
import { Button, Field, FormMessage, Textarea, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import type { TicketStatus } from '@/lib/domain/ticket-values';
import { portalReplyAction } from '@/server/actions/portal';

const HINTS: Partial<Record<TicketStatus, string>> = {
  solved: 'This request is solved. Replying reopens it.',
  closed: 'This request is closed. Replying starts a new follow-up request linked to this one.',
};

export function PortalReplyForm({ ticketKey, status }: { ticketKey: string; status: TicketStatus }) {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(portalReplyAction, (data, form) => {
    form.reset();
    if (data.followUp) {
      toast.success('We opened a follow-up request for you.');
      router.push(`/portal/requests/${data.publicKey}`);
    } else {
      toast.success('Reply sent');
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="ticketKey" value={ticketKey} />
      <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
      <Field label="Your reply" htmlFor="body" hint={HINTS[status]} error={fieldError('body')}>
        <Textarea id="body" name="body" rows={4} required />
      </Field>
      <Button type="submit" loading={pending}>Send reply</Button>
    </form>
  );
}
