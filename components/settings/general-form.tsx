'use client';

import { useRouter } from 'next/navigation';
import { Button, Card, CardBody, CardHeader, CardTitle, Field, FormMessage, Input, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { saveGeneralSettingsAction } from '@/server/actions/settings';

export interface GeneralFormProps {
  timeZone: string;
  recontactWindowDays: number;
  autoCloseDays: number;
  /** IANA names for the suggestion list, from the server so both renders agree. */
  timeZones: string[];
}

/** Workspace time zone (also the business calendar's), re-contact window and auto-close delay. */
export function GeneralForm({ timeZone, recontactWindowDays, autoCloseDays, timeZones }: GeneralFormProps) {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(saveGeneralSettingsAction, () => {
    toast.success('General settings saved');
    router.refresh();
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>General</CardTitle>
      </CardHeader>
      <CardBody>
        <form
          key={`${timeZone}|${recontactWindowDays}|${autoCloseDays}`}
          onSubmit={onSubmit}
          className="space-y-4"
          noValidate
          aria-label="General settings"
        >
          <div className="grid gap-4 md:grid-cols-3">
            <Field
              label="Time zone"
              htmlFor="settings-time-zone"
              hint="IANA name. Used for reports and for business hours."
              error={fieldError('timeZone')}
            >
              <Input name="timeZone" defaultValue={timeZone} list="settings-time-zones" autoComplete="off" spellCheck={false} />
            </Field>
            <Field
              label="Re-contact window (days)"
              htmlFor="settings-recontact"
              hint="A new ticket from the same customer within this many days of a solve makes that solve not first-contact. 0 counts none."
              error={fieldError('recontactWindowDays')}
            >
              <Input name="recontactWindowDays" type="number" inputMode="numeric" min={0} max={365} step={1} defaultValue={recontactWindowDays} />
            </Field>
            <Field
              label="Auto-close solved tickets after (days)"
              htmlFor="settings-auto-close"
              hint="A solved ticket closes after this many days without a public message."
              error={fieldError('autoCloseDays')}
            >
              <Input name="autoCloseDays" type="number" inputMode="numeric" min={1} max={365} step={1} defaultValue={autoCloseDays} />
            </Field>
          </div>
          <datalist id="settings-time-zones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <FormMessage tone="error">{failure?.message}</FormMessage>
          <Button type="submit" loading={pending}>
            Save general settings
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
