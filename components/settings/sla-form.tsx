'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  FormMessage,
  Input,
  NativeSelect,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
  toast,
} from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import type { SlaPolicy, SlaTarget } from '@/lib/domain/sla';
import { PRIORITY_LABELS, type Priority } from '@/lib/domain/ticket-values';
import { SLA_PRIORITIES, SLA_TARGETS } from '@/lib/validation/settings-forms';
import { saveSlaPolicyAction } from '@/server/actions/settings';

const MODE_OPTIONS = [
  { value: 'calendar', label: 'Calendar minutes' },
  { value: 'business', label: 'Business minutes' },
];

/** "= 8 h", "= 1.5 h", "= 3 d": a reading aid next to the minutes. */
function inHours(raw: string): string {
  if (!/^\d+$/.test(raw.trim())) return '';
  const minutes = Number(raw);
  if (minutes >= 1440 && minutes % 1440 === 0) return `= ${minutes / 1440} d`;
  if (minutes >= 60) return `= ${Math.round((minutes / 60) * 100) / 100} h`;
  return '';
}

function TargetCell({ priority, targetKey, targetLabel, initial, minutesError, modeError }: {
  priority: Priority;
  targetKey: string;
  targetLabel: string;
  initial: SlaTarget;
  minutesError?: string;
  modeError?: string;
}) {
  const [minutes, setMinutes] = useState(String(initial.minutes));
  const base = `${priority}_${targetKey}`;
  const what = `${PRIORITY_LABELS[priority]} ${targetLabel.toLowerCase()}`;
  const error = minutesError ?? modeError;
  return (
    <TD className="align-top">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${base}_minutes`} className="sr-only">{what} (minutes)</label>
        <div className="w-28">
          <Input
            id={`${base}_minutes`}
            name={`${base}_minutes`}
            type="number"
            inputMode="numeric"
            min={1}
            max={525600}
            step={1}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            invalid={Boolean(minutesError)}
            aria-describedby={error ? `${base}-error` : undefined}
          />
        </div>
        <label htmlFor={`${base}_mode`} className="sr-only">{what} clock</label>
        <NativeSelect
          id={`${base}_mode`}
          name={`${base}_mode`}
          defaultValue={initial.mode}
          options={MODE_OPTIONS}
          invalid={Boolean(modeError)}
          wrapperClassName="w-48"
        />
        <span className="w-14 text-sm text-slate-500 tabular-nums" aria-hidden="true">{inHours(minutes)}</span>
      </div>
      {error && (
        <p id={`${base}-error`} data-testid="field-error" className="mt-1 text-sm font-medium text-danger-700">{error}</p>
      )}
    </TD>
  );
}

/** First-response and resolution targets per priority, each in calendar or business minutes. */
export function SlaForm({ policy }: { policy: SlaPolicy }) {
  const router = useRouter();
  const { pending, failure, fieldError, onSubmit } = useFormAction(saveSlaPolicyAction, () => {
    toast.success('SLA policy saved');
    router.refresh();
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>SLA policy</CardTitle>
        <p className="text-sm text-slate-500">Targets in minutes. Business minutes count only open hours.</p>
      </CardHeader>
      <CardBody>
        <form key={JSON.stringify(policy)} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="SLA policy">
          <Table wrapperClassName="shadow-none">
            <THead>
              <TR>
                <TH>Priority</TH>
                {SLA_TARGETS.map((t) => (
                  <TH key={t.key}>{t.label} (minutes)</TH>
                ))}
              </TR>
            </THead>
            <TBody>
              {SLA_PRIORITIES.map((p) => (
                <TR key={p} data-testid="sla-row">
                  <th scope="row" className="px-3 pt-5 align-top text-sm font-medium text-slate-800 sm:px-4">
                    {PRIORITY_LABELS[p]}
                  </th>
                  {SLA_TARGETS.map((t) => (
                    <TargetCell
                      key={t.key}
                      priority={p}
                      targetKey={t.key}
                      targetLabel={t.label}
                      initial={policy[p][t.field]}
                      minutesError={fieldError(`${p}_${t.key}_minutes`)}
                      modeError={fieldError(`${p}_${t.key}_mode`)}
                    />
                  ))}
                </TR>
              ))}
            </TBody>
          </Table>
          <FormMessage tone="error">{failure?.message}</FormMessage>
          <Button type="submit" loading={pending}>
            Save SLA policy
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
