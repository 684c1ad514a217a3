'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Field, FormMessage, Input, NativeSelect, Textarea } from '@/components/ui';
import { AttachmentInput } from '@/components/attachments/attachment-input';
import { useFormAction } from '@/components/forms/use-form-action';
import { ATTACHMENT_FIELD } from '@/lib/attachments/limits';
import { MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH } from '@/lib/validation/tickets';
import { submitRequestAction } from '@/server/actions/portal';
import { TrackingLink } from './tracking-link';

type Option = { value: string; label: string };

/**
 * The portal's request form, for a signed-in customer or a guest (who gives an email address). On an
 * error nothing is lost: the form is never reset. A guest sees their private link once, here.
 */
export function RequestForm({ stages, touchpoints, guest }: { stages: Option[]; touchpoints: Option[]; guest: boolean }) {
  const router = useRouter();
  const [trackingLink, setTrackingLink] = useState<string | null>(null);
  const { pending, failure, fieldError, onSubmit } = useFormAction(submitRequestAction, (data) => {
    if (data.trackingLink) setTrackingLink(data.trackingLink);
    else router.push(`/portal/requests/${data.publicKey}`);
  }, { idempotent: true });
  if (trackingLink) return <TrackingLink link={trackingLink} />;
  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <FormMessage tone="error">{failure ? failure.message : null}</FormMessage>
      {guest && (
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label="Your email" htmlFor="email" hint="We send your private link and our replies here" error={fieldError('email')}>
            <Input id="email" name="email" type="email" autoComplete="email" required />
          </Field>
          <Field label="Your name" htmlFor="name" hint="Optional" error={fieldError('name')}>
            <Input id="name" name="name" autoComplete="name" />
          </Field>
        </div>
      )}
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
      <AttachmentInput errors={failure?.fieldErrors?.[ATTACHMENT_FIELD]} />
      <p className="text-xs text-slate-600">Descriptions can be up to {MAX_BODY_LENGTH.toLocaleString('en-US')} characters.</p>
      <Button type="submit" loading={pending}>Submit request</Button>
    </form>
  );
}
