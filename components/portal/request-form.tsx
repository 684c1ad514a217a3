'use client';

import { useRouter } from 'next/navigation';
import { Button, Field, FormMessage, Input, NativeSelect, Textarea } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '@/lib/validation/tickets';
import { submitRequestAction } from '@/server/actions/portal';

type Option = { value: string; label: string };

/** The portal's request form. On an error nothing is lost: the form is never reset. */
export function RequestForm({ stages, touchpoints }: { stages: Option[]; touchpoints: Option[] }) {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(submitRequestAction, (data) => {
    router.push(`/portal/requests/${data.publicKey}`);
  });
  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <FormMessage tone="error">{failure ? failure.message : null}</FormMessage>
      <Field label="Subject" htmlFor="subject" error={fieldError('subject')}>
        <Input id="subject" name="subject" maxLength={MAX_SUBJECT_LENGTH + 50} required />
      </Field>
      <Field label="Description" htmlFor="body" hint="What happened, and what did you expect?" error={fieldError('body')}>
        <Textarea id="body" name="body" rows={7} required />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="What were you trying to do?" htmlFor="journeyStage" hint="Optional" error={fieldError('journeyStage')}>
          <NativeSelect id="journeyStage" name="journeyStage" placeholder="Choose one" options={stages} />
        </Field>
        <Field label="Where did it happen?" htmlFor="touchpoint" hint="Optional" error={fieldError('touchpoint')}>
          <NativeSelect id="touchpoint" name="touchpoint" placeholder="Choose one" options={touchpoints} />
        </Field>
      </div>
      <Field label="Order or reference number" htmlFor="reference" hint="Optional" error={fieldError('reference')}>
        <Input id="reference" name="reference" />
      </Field>
      <p className="text-xs text-slate-500">Descriptions can be up to {MAX_BODY_LENGTH.toLocaleString('en-US')} characters.</p>
      <Button type="submit" loading={pending}>Submit request</Button>
    </form>
  );
}
