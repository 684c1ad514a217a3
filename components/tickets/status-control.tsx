'use client';

import { useRouter } from 'next/navigation';
import { Button, Card, CardBody, Field, FormMessage, NativeSelect, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { SETTABLE_STATUSES, STATUS_LABELS, type TicketStatus } from '@/lib/domain/ticket-values';
import { changeStatusAction } from '@/server/actions/tickets';

/** Status edit, made against the version on screen: a stale version gets a clear conflict message. */
export function StatusControl({ ticketId, status, version }: { ticketId: number; status: TicketStatus; version: number }) {
  const router = useRouter();
  const { pending, failure, onSubmit } = useFormAction(changeStatusAction, (data) => {
    toast.success(`Status set to ${STATUS_LABELS[data.status as TicketStatus]}`);
    router.refresh();
  });
  return (
    <Card>
      <CardBody>
        <form onSubmit={onSubmit} className="space-y-3" key={version}>
          <input type="hidden" name="ticketId" value={ticketId} />
          <input type="hidden" name="version" value={version} />
          <Field label="Status" htmlFor="ticket-status">
            <NativeSelect id="ticket-status" name="status" defaultValue={status === 'new' ? '' : status}
              placeholder={status === 'new' ? 'New' : undefined}
              options={SETTABLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
          </Field>
          <FormMessage tone="error">{failure?.message}</FormMessage>
          <Button type="submit" size="sm" variant="secondary" loading={pending} className="w-full">
            Update status
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
