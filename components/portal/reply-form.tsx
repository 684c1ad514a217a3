'use client';

import { useRouter } from 'next/navigation';
import { Button, Field, FormMessage, Textarea, toast } from '@/components/ui';
import { AttachmentInput } from '@/components/attachments/attachment-input';
import { useFormAction } from '@/components/forms/use-form-action';
import { ATTACHMENT_FIELD } from '@/lib/attachments/limits';
import type { TicketStatus } from '@/lib/domain/ticket-values';
import { guestReplyAction, portalReplyAction } from '@/server/actions/portal';

const HINTS: Partial<Record<TicketStatus, string>> = {
  solved: 'This request is solved. Replying reopens it.',
  closed: 'This request is closed. Replying starts a new follow-up request linked to this one.',
};

/** Who is replying: a signed-in customer (by the request's key) or a guest (by their private link). */
export type ReplyTarget = { kind: 'account'; ticketKey: string } | { kind: 'guest'; token: string };

async function send(target: ReplyTarget, form: FormData) {
  const result = target.kind === 'account' ? await portalReplyAction(form) : await guestReplyAction(form);
  if (!result.ok) return result;
  const next = 'publicKey' in result.data ? (result.data.followUp ? `/portal/requests/${result.data.publicKey}` : null) : result.data.followUpLink;
  return { ok: true as const, data: { next } };
}

export function PortalReplyForm({ target, status }: { target: ReplyTarget; status: TicketStatus }) {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(
    (form: FormData) => send(target, form),
    (data, form) => {
      form.reset();
      if (data.next) {
        toast.success('We opened a follow-up request for you.');
        router.push(data.next);
      } else {
        toast.success('Reply sent');
        router.refresh();
      }
    },
    { idempotent: true },
  );
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate aria-label="Reply">
      {target.kind === 'account' ? <input type="hidden" name="ticketKey" value={target.ticketKey} /> : <input type="hidden" name="token" value={target.token} />}
      <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
      <Field label="Your reply" htmlFor="body" hint={HINTS[status]} error={fieldError('body')}>
        <Textarea id="body" name="body" rows={4} required />
      </Field>
      <AttachmentInput errors={failure?.fieldErrors?.[ATTACHMENT_FIELD]} />
      <Button type="submit" loading={pending}>Send reply</Button>
    </form>
  );
}
