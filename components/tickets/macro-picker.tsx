'use client';

import { useId } from 'react';
import { cn } from '@/components/ui';

export interface ComposerMacro {
  id: number;
  name: string;
  shared: boolean;
  /** The text with its placeholders already filled for this ticket. */
  text: string;
  /** What sending with it also does, in words ("set status Solved · add tag …"), or "". */
  actions: string;
}

export function filterMacros(macros: readonly ComposerMacro[], query: string): ComposerMacro[] {
  const q = query.trim().toLowerCase();
  return q ? macros.filter((m) => m.name.toLowerCase().includes(q) || m.text.toLowerCase().includes(q)) : [...macros];
}

/**
 * The macro list under the composer: the textarea (or the search box) keeps focus and moves the active
 * option with the arrow keys; Enter or a click inserts it.
 */
export function MacroList({ id, macros, active, onChoose }: { id: string; macros: readonly ComposerMacro[]; active: number; onChoose: (m: ComposerMacro) => void }) {
  const optionId = useId();
  if (macros.length === 0) return <p id={id} className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-600">No macro matches.</p>;
  return (
    <ul id={id} role="listbox" aria-label="Macros" className="max-h-64 overflow-y-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg" data-testid="macro-list">
      {macros.map((m, i) => (
        <li
          key={m.id}
          id={`${optionId}-${m.id}`}
          role="option"
          aria-selected={i === active}
          // mousedown, not click: the textarea keeps focus and the caret.
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(m);
          }}
          className={cn('cursor-pointer px-3 py-2 text-sm', i === active ? 'bg-brand-50' : 'hover:bg-slate-50')}
        >
          <span className="font-medium text-slate-900">{m.name}</span>
          <span className="ml-2 text-xs text-slate-600">{m.shared ? 'Shared' : 'Personal'}</span>
          <span className="block truncate text-slate-600">{m.text}</span>
          {m.actions ? <span className="block text-xs text-brand-800">On send: {m.actions}</span> : null}
        </li>
      ))}
    </ul>
  );
}
