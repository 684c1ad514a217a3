'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Globe, Lock } from 'lucide-react';
import { Button, Field, FormMessage, NativeSelect, Textarea, cn, toast } from '@/components/ui';
import { AttachmentInput } from '@/components/attachments/attachment-input';
import { useFormAction } from '@/components/forms/use-form-action';
import { ATTACHMENT_FIELD } from '@/lib/attachments/limits';
import { SETTABLE_STATUSES, STATUS_LABELS } from '@/lib/domain/ticket-values';
import { agentMessageAction } from '@/server/actions/tickets';
import { useReportTyping } from './presence';

/** Reply or internal note. The mode is always visible, and a public reply says so before it is sent. */
export function Composer({ ticketId, canReply, canSetStatus }: { ticketId: number; canReply: boolean; canSetStatus: boolean }) {
  const router = useRouter();
  const [mode, setMode] = useState<'public' | 'internal'>(canReply ? 'public' : 'internal');
  const reportTyping = useReportTyping();
  const { pending, failure, fieldError, onSubmit } = useFormAction(agentMessageAction, (_data, form) => {
    form.reset();
    reportTyping(false);
    toast.success(mode === 'public' ? 'Reply sent' : 'Note added');
    router.refresh();
  });
  const isPublic = mode === 'public';

  return (
    <form onSubmit={onSubmit} className={cn('space-y-3 rounded-lg border-2 p-4', isPublic ? 'border-brand-500 bg-white' : 'border-amber-400 bg-amber-50')} noValidate>
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="visibility" value={mode} />
      <div role="tablist" aria-label="Message type" className="flex gap-2">
        {canReply ? (
          <button type="button" role="tab" aria-selected={isPublic} onClick={() => setMode('public')}
            className={cn('inline-flex items-center gap-1 rounded-md px-3 py-1.5 text-sm font-medium', isPublic ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100')}>
            <Globe aria-hidden className="size-4" /> Public reply
          </button>
        ) : null}
        <button type="button" role="tab" aria-selected={!isPublic} onClick={() => setMode('internal')}
          className={cn('inline-flex items-center gap-1 rounded-md px-3 py-1.5 text-sm font-medium', !isPublic ? 'bg-amber-500 text-white' : 'text-slate-700 hover:bg-slate-100')}>
          <Lock aria-hidden className="size-4" /> Internal note
        </button>
      </div>
      <p className={cn('text-sm', isPublic ? 'text-brand-800' : 'text-amber-900')} data-testid="composer-visibility">
        {isPublic ? 'Public: the customer will see this reply.' : 'Only your team sees internal notes.'}
      </p>
      <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
      <Field label={isPublic ? 'Reply' : 'Note'} htmlFor="body" error={fieldError('body')}>
        <Textarea id="body" name="body" rows={5} required onChange={(e) => reportTyping(e.target.value.trim() !== '')} />
      </Field>
      <AttachmentInput error={fieldError(ATTACHMENT_FIELD)} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        {canSetStatus && isPublic ? (
          <Field label="Then set status" htmlFor="status" className="w-48">
            <NativeSelect id="status" name="status" placeholder="Keep status"
              options={SETTABLE_STATUSES.filter((s) => s !== 'closed').map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
          </Field>
        ) : <span />}
        <Button type="submit" loading={pending} variant={isPublic ? 'primary' : 'secondary'}>
          {isPublic ? 'Send reply' : 'Add note'}
        </Button>
      </div>
    </form>
  );
}
