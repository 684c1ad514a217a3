'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { GitMerge } from 'lucide-react';
import { Button, Dialog, DialogContent, DialogFooter, DialogTrigger, Field, FormMessage, Input, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { STATUS_LABELS, type TicketStatus } from '@/lib/domain/ticket-values';
import { mergeTicketAction, previewMergeTargetAction } from '@/server/actions/merge';

type Preview = { id: number; subject: string; status: string; customer: string; mergedIntoId: number | null };

/**
 * Merge this ticket into another: the agent enters the target's number and sees its subject before
 * confirming. The server re-checks every rule (no self, no chains, nothing closed).
 */
export function MergeDialog({ ticketId }: { ticketId: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [checking, startCheck] = useTransition();
  const { pending, failure, fieldError, onSubmit } = useFormAction(mergeTicketAction, (data) => {
    setOpen(false);
    toast.success(`Merged into #${data.targetId}`);
    router.refresh();
  });

  function check(value: string) {
    setPreview(null);
    setPreviewError(null);
    if (!value.trim()) return;
    const form = new FormData();
    form.set('ticketId', String(ticketId));
    form.set('targetId', value);
    startCheck(async () => {
      const result = await previewMergeTargetAction(form);
      if (result.ok) setPreview(result.data);
      else setPreviewError(result.fieldErrors?.targetId?.[0] ?? result.message);
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), setPreview(null), setPreviewError(null))}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <GitMerge aria-hidden /> Merge into…
        </Button>
      </DialogTrigger>
      <DialogContent title={`Merge #${ticketId} into another ticket`} description="This ticket closes and its requester is told where the conversation continues. Its messages stay here, read-only.">
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          <input type="hidden" name="ticketId" value={ticketId} />
          <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
          <Field label="Target ticket number" htmlFor="merge-target" error={fieldError('targetId') ?? previewError ?? undefined}>
            <Input id="merge-target" name="targetId" inputMode="numeric" autoComplete="off" onBlur={(e) => check(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !preview) {
                  e.preventDefault();
                  check(e.currentTarget.value);
                }
              }} />
          </Field>
          <div aria-live="polite" className="min-h-12 text-sm" data-testid="merge-preview">
            {checking ? <p className="text-slate-600">Looking up the ticket…</p> : null}
            {preview ? (
              <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-slate-800">
                #{preview.id} <strong className="break-words">{preview.subject}</strong>
                <span className="block text-slate-600">{STATUS_LABELS[preview.status as TicketStatus] ?? preview.status} · {preview.customer}</span>
              </p>
            ) : null}
          </div>
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="danger" loading={pending} disabled={!preview}>Merge</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
