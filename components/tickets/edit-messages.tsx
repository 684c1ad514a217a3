import { FormMessage } from '@/components/ui';

/** The outcome of a failed field edit: a conflict is an alert (someone else's change won), anything else a form error. */
export function EditMessages({ conflict, error }: { conflict: string | null; error: string | null }) {
  return (
    <>
      {conflict ? (
        <div role="alert" data-testid="edit-conflict" className="rounded-control border border-warn-200 bg-warn-50 px-3 py-2.5 text-sm text-warn-800">
          {conflict}
        </div>
      ) : null}
      <FormMessage tone="error">{error}</FormMessage>
    </>
  );
}
