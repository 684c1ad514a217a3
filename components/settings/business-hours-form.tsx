'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Field,
  FormMessage,
  Input,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
  Textarea,
  toast,
} from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import type { BusinessCalendar } from '@/lib/validation/settings';
import { WEEKDAYS } from '@/lib/validation/settings-forms';
import { saveBusinessHoursAction } from '@/server/actions/settings';

type Weekday = (typeof WEEKDAYS)[number];

/** The form edits one interval a day: the earliest opening to the latest closing. */
function dayRow(hours: BusinessCalendar['hours'], day: number) {
  const intervals = hours.filter((h) => h.day === day).sort((a, b) => a.start.localeCompare(b.start));
  if (intervals.length === 0) return { open: false, start: '09:00', end: '17:00', split: false };
  return { open: true, start: intervals[0].start, end: intervals.at(-1)!.end, split: intervals.length > 1 };
}

function DayRow({ weekday, initial, startError, endError }: {
  weekday: Weekday;
  initial: ReturnType<typeof dayRow>;
  startError?: string;
  endError?: string;
}) {
  const [open, setOpen] = useState(initial.open);
  const { key, label } = weekday;
  const error = startError ?? endError;
  return (
    <TR data-testid="hours-row">
      <TD className="font-medium">{label}</TD>
      <TD>
        <label className="inline-flex cursor-pointer items-center gap-2 text-sm">
          <input
            type="checkbox"
            name={`open_${key}`}
            checked={open}
            onChange={(e) => setOpen(e.target.checked)}
            className="size-4 rounded border-slate-300 accent-brand-600"
          />
          <span>Open</span>
          <span className="sr-only">on {label}</span>
        </label>
      </TD>
      <TD>
        <label htmlFor={`start_${key}`} className="sr-only">{label} opens at</label>
        <div className="w-32">
          <Input
            id={`start_${key}`}
            name={`start_${key}`}
            type="time"
            step={60}
            defaultValue={initial.start}
            disabled={!open}
            invalid={Boolean(startError)}
            aria-describedby={error ? `hours-${key}-error` : undefined}
          />
        </div>
      </TD>
      <TD>
        <label htmlFor={`end_${key}`} className="sr-only">{label} closes at</label>
        <div className="w-32">
          <Input
            id={`end_${key}`}
            name={`end_${key}`}
            type="time"
            step={60}
            defaultValue={initial.end}
            disabled={!open}
            invalid={Boolean(endError)}
            aria-describedby={error ? `hours-${key}-error` : undefined}
          />
        </div>
      </TD>
      <TD className="w-full">
        {error ? (
          <p id={`hours-${key}-error`} data-testid="field-error" className="text-sm font-medium text-danger-700">{error}</p>
        ) : !open ? (
          <span className="text-sm text-slate-500">Closed</span>
        ) : initial.split ? (
          <span className="text-sm text-warn-800">Split hours: saving keeps first opening to last closing.</span>
        ) : null}
      </TD>
    </TR>
  );
}

export interface BusinessHoursFormProps {
  hours: BusinessCalendar['hours'];
  holidays: string[];
  timeZone: string;
}

/** Weekly open hours and holidays of the workspace calendar (used by business-minute SLA targets). */
export function BusinessHoursForm({ hours, holidays, timeZone }: BusinessHoursFormProps) {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(saveBusinessHoursAction, (data) => {
    toast.success(`Business hours saved: ${data.openDays} open day${data.openDays === 1 ? '' : 's'}, ${data.holidays} holiday${data.holidays === 1 ? '' : 's'}`);
    router.refresh();
  });
  const version = JSON.stringify([hours, holidays]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Business hours</CardTitle>
        <p className="text-sm text-slate-500">
          In the workspace time zone, <span className="font-medium text-slate-700">{timeZone}</span>
        </p>
      </CardHeader>
      <CardBody>
        <form key={version} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Business hours">
          {fieldError('hours') && (
            <p id="hours-error" data-testid="field-error" className="text-sm font-medium text-danger-700">{fieldError('hours')}</p>
          )}
          <Table wrapperClassName="shadow-none">
            <THead>
              <TR>
                <TH>Day</TH>
                <TH>Open</TH>
                <TH>Opens</TH>
                <TH>Closes</TH>
                <TH><span className="sr-only">Notes</span></TH>
              </TR>
            </THead>
            <TBody>
              {WEEKDAYS.map((w) => (
                <DayRow
                  key={w.key}
                  weekday={w}
                  initial={dayRow(hours, w.day)}
                  startError={fieldError(`start_${w.key}`)}
                  endError={fieldError(`end_${w.key}`)}
                />
              ))}
            </TBody>
          </Table>
          <Field
            label="Holidays"
            htmlFor="settings-holidays"
            hint="One date per line, as YYYY-MM-DD. The workspace is closed all day on these dates."
            error={failure?.fieldErrors?.holidays?.map((e) => <span key={e} className="block">{e}</span>)}
            className="max-w-sm"
          >
            <Textarea name="holidays" rows={5} defaultValue={holidays.join('\n')} placeholder="2026-12-25" spellCheck={false} className="font-mono" />
          </Field>
          <FormMessage tone="error">{failure?.message}</FormMessage>
          <Button type="submit" loading={pending}>
            Save business hours
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
