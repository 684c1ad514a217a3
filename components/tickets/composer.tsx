'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { Globe, Lock, MessageSquareText, X } from 'lucide-react';
import { AttachmentInput } from '@/components/attachments/attachment-input';
import { Button, Field, FormMessage, Input, NativeSelect, Textarea, cn, toast } from '@/components/ui';
import { useFormAction } from '@/components/forms/use-form-action';
import { ATTACHMENT_FIELD } from '@/lib/attachments/limits';
import { SETTABLE_STATUSES, STATUS_LABELS } from '@/lib/domain/ticket-values';
import { agentMessageAction } from '@/server/actions/tickets';
import { MacroList, type ComposerMacro } from './macro-picker';
import { useReportTyping } from './presence';
import { useMacroPicker } from './use-macro-picker';

interface ComposerProps {
  ticketId: number;
  canReply: boolean;
  canSetStatus: boolean;
  macros?: readonly ComposerMacro[];
}

/** Reply or internal note. The mode is always visible, and a public reply says so before it is sent. */
export function Composer({ ticketId, canReply, canSetStatus, macros = [] }: ComposerProps) {
  const router = useRouter();
  const [mode, setMode] = useState<'public' | 'internal'>(canReply ? 'public' : 'internal');
  const reportTyping = useReportTyping();
  const [body, setBody] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const picker = useMacroPicker(macros, {
    insert: (text, replace) => setBody((current) => (replace || !current.trim() ? text : `${current.trimEnd()}\n\n${text}`)),
    focusSearch: () => searchBox.current?.focus(),
    focusComposer: () => textarea.current?.focus(),
  });
  const listId = useId();
  const { pending, failure, fieldError, onSubmit } = useFormAction(agentMessageAction, (_data, form) => {
    form.reset();
    setBody('');
    picker.clearChosen();
    reportTyping(false);
    toast.success(mode === 'public' ? 'Reply sent' : 'Note added');
    router.refresh();
  }, { idempotent: true });
  const isPublic = mode === 'public';

  return (
    <form onSubmit={onSubmit} className={cn('space-y-3 rounded-lg border-2 p-4', isPublic ? 'border-brand-500 bg-white' : 'border-amber-400 bg-amber-50')} noValidate>
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="visibility" value={mode} />
      {picker.chosen ? <input type="hidden" name="macroId" value={picker.chosen.id} /> : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
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
        {macros.length ? (
          <Button type="button" variant="secondary" size="sm" aria-expanded={picker.open === 'button'} aria-controls={listId} onClick={picker.toggleButton}>
            <MessageSquareText aria-hidden /> Macros
          </Button>
        ) : null}
      </div>
      <p className={cn('text-sm', isPublic ? 'text-brand-800' : 'text-amber-900')} data-testid="composer-visibility">
        {isPublic ? 'Public: the customer will see this reply.' : 'Only your team sees internal notes.'}
      </p>
      <FormMessage tone="error">{failure && !failure.fieldErrors ? failure.message : null}</FormMessage>
      {picker.open === 'button' ? (
        <Input ref={searchBox} aria-label="Search macros" placeholder="Search macros" value={picker.query}
          onChange={(e) => picker.search(e.target.value)} onKeyDown={picker.onKeyDown} aria-controls={listId} />
      ) : null}
      {picker.open ? <MacroList id={listId} macros={picker.matches} active={picker.active} onChoose={picker.choose} /> : null}
      <Field label={isPublic ? 'Reply' : 'Note'} htmlFor="body" hint={macros.length ? 'Type / at the start to insert a macro.' : undefined} error={fieldError('body')}>
        <Textarea id="body" name="body" rows={5} required ref={textarea} aria-controls={picker.open ? listId : undefined}
          value={body}
          onKeyDown={picker.onKeyDown}
          onChange={(e) => {
            setBody(e.target.value);
            picker.onText(e.target.value);
            reportTyping(e.target.value.trim() !== '');
          }} />
      </Field>
      {picker.chosen ? (
        <p className="flex flex-wrap items-center gap-2 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="chosen-macro">
          <span>
            Macro <strong>{picker.chosen.name}</strong>
            {picker.chosen.actions ? ` · on send: ${picker.chosen.actions}` : ''}
          </span>
          <button type="button" onClick={picker.clearChosen} className="inline-flex items-center gap-1 text-slate-600 underline hover:text-slate-900">
            <X aria-hidden className="size-3.5" /> Don’t apply its actions
          </button>
        </p>
      ) : null}
      <AttachmentInput errors={failure?.fieldErrors?.[ATTACHMENT_FIELD]} />
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
