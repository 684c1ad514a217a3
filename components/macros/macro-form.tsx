'use client';

import { useRouter } from 'next/navigation';
import { Button, Field, FormMessage, Input, NativeSelect, Textarea, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { MACRO_PLACEHOLDERS } from '@/lib/macros/render';
import { STATUS_LABELS } from '@/lib/domain/ticket-values';
import { deleteMacroAction, saveMacroAction } from '@/server/actions/macros';

export type Option = { value: string; label: string };
export interface MacroFormValues {
  id: number;
  name: string;
  body: string;
  shared: boolean;
  actions: { status?: string; addTags?: string[]; journeyStage?: string };
}

const STATUS_OPTIONS: Option[] = (['open', 'pending', 'on_hold', 'solved'] as const).map((s) => ({ value: s, label: STATUS_LABELS[s] }));

/** Create or edit a macro: its text, whether it is shared, and what it does when a reply is sent with it. */
export function MacroForm({ macro, stages, tags, canShare }: { macro?: MacroFormValues; stages: Option[]; tags: Option[]; canShare: boolean }) {
  const router = useRouter();
  const idPrefix = macro ? `macro-${macro.id}` : 'macro-new';
  const { pending, failure, fieldError, onSubmit } = useFormAction(saveMacroAction, (_data, form) => {
    toast.success(macro ? 'Macro saved' : 'Macro created');
    if (!macro) form.reset();
    router.refresh();
  });
  const remove = useFormAction(deleteMacroAction, () => {
    toast.success('Macro deleted');
    router.refresh();
  });
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label={macro ? `Edit ${macro.name}` : 'New macro'}>
        {macro ? <input type="hidden" name="macroId" value={macro.id} /> : null}
        <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
        <Field label="Name" htmlFor={id('name')} error={fieldError('name')}>
          <Input id={id('name')} name="name" defaultValue={macro?.name} maxLength={120} required />
        </Field>
        <Field label="Text" htmlFor={id('body')} hint={`Placeholders: ${MACRO_PLACEHOLDERS.join(' ')}`} error={fieldError('body')}>
          <Textarea id={id('body')} name="body" rows={4} defaultValue={macro?.body} required />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="On send, set status" htmlFor={id('status')} error={fieldError('status')}>
            <NativeSelect id={id('status')} name="status" placeholder="Keep status" options={STATUS_OPTIONS} defaultValue={macro?.actions.status ?? ''} />
          </Field>
          <Field label="On send, set journey stage" htmlFor={id('stage')} error={fieldError('journeyStage')}>
            <NativeSelect id={id('stage')} name="journeyStage" placeholder="Keep stage" options={stages} defaultValue={macro?.actions.journeyStage ?? ''} />
          </Field>
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">On send, add CX tags</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {tags.map((t) => (
              <label key={t.value} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input type="checkbox" name="addTags" value={t.value} defaultChecked={macro?.actions.addTags?.includes(t.value)} />
                {t.label}
              </label>
            ))}
          </div>
          {fieldError('addTags') ? <p className="text-sm text-red-700" data-testid="field-error">{fieldError('addTags')}</p> : null}
        </fieldset>
        {canShare ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="shared" defaultChecked={macro?.shared} /> Shared with every agent
          </label>
        ) : (
          <p className="text-sm text-slate-600">Your macros are personal. Leads and admins can share macros with everyone.</p>
        )}
        <Button type="submit" loading={pending}>{macro ? 'Save macro' : 'Create macro'}</Button>
      </form>
      {macro ? (
        <form onSubmit={remove.onSubmit}>
          <input type="hidden" name="macroId" value={macro.id} />
          <FormMessage tone="error">{remove.failure ? remove.failure.message : null}</FormMessage>
          <Button type="submit" variant="secondary" loading={remove.pending}>Delete macro</Button>
        </form>
      ) : null}
    </div>
  );
}
