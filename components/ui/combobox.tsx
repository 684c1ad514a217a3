'use client';

import * as React from 'react';
import { cn } from './cn';
import { controlClasses } from './input';

export interface ComboboxOption {
  value: string;
  label: string;
  description?: string;
  /** A heading the option is listed under (shown once, before the first option of the group). */
  group?: string;
}

export interface ComboboxProps {
  id: string;
  label: string;
  options: readonly ComboboxOption[];
  onSelect: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
  /** Shown when typing matches nothing. */
  emptyText?: string;
}

/** Consecutive options of one group, so each group is one role="group" with its heading. */
function runs(options: readonly ComboboxOption[]) {
  const out: { group?: string; start: number; options: ComboboxOption[] }[] = [];
  options.forEach((o, i) => {
    const last = out.at(-1);
    if (last && last.group === o.group) last.options.push(o);
    else out.push({ group: o.group, start: i, options: [o] });
  });
  return out;
}

const matches = (o: ComboboxOption, q: string) =>
  !q || [o.label, o.description ?? '', o.value, o.group ?? ''].some((text) => text.toLowerCase().includes(q));

/**
 * A searchable list (WAI-ARIA combobox with a listbox popup): type to filter by label, description or
 * key; ArrowUp/ArrowDown move, Enter chooses, Escape closes. Options keep the order given.
 */
export function Combobox({ id, label, options, onSelect, placeholder, disabled, emptyText = 'Nothing matches' }: ComboboxProps) {
  const [query, setQuery] = React.useState('');
  const [open, setOpen] = React.useState(false);
  const [active, setActive] = React.useState(0);
  const listId = `${id}-listbox`;
  const q = query.trim().toLowerCase();
  const shown = options.filter((o) => matches(o, q));
  const activeIndex = Math.min(active, shown.length - 1);

  function choose(option: ComboboxOption | undefined) {
    if (!option) return;
    onSelect(option.value);
    setQuery('');
    setOpen(false);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive(open ? (activeIndex + step + shown.length) % Math.max(shown.length, 1) : 0);
    } else if (event.key === 'Enter') {
      if (!open) return;
      event.preventDefault();
      choose(shown[activeIndex]);
    } else if (event.key === 'Escape') {
      if (open) event.preventDefault();
      setOpen(false);
    }
  }

  function renderOption(o: ComboboxOption, i: number) {
    return (
      <li
        key={o.value}
        id={`${id}-opt-${i}`}
        role="option"
        aria-selected={i === activeIndex}
        className={cn('cursor-pointer px-3 py-1.5', i === activeIndex && 'bg-brand-50')}
        // mousedown, not click: it fires before the input's blur closes the list
        onMouseDown={(e) => {
          e.preventDefault();
          choose(o);
        }}
        onMouseEnter={() => setActive(i)}
      >
        <span className="block text-slate-900">{o.label}</span>
        {o.description ? <span className="block text-xs text-slate-500">{o.description}</span> : null}
      </li>
    );
  }

  return (
    <div className="relative flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={open && shown.length > 0}
        aria-controls={open && shown.length > 0 ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[activeIndex] ? `${id}-opt-${activeIndex}` : undefined}
        autoComplete="off"
        className={cn(controlClasses, 'h-10')}
        value={query}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && shown.length === 0 ? (
        <p className="absolute top-full z-20 mt-1 w-full rounded-control border border-slate-200 bg-white px-3 py-2 text-sm text-slate-500 shadow-lg">{emptyText}</p>
      ) : null}
      {open && shown.length > 0 ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute top-full z-20 mt-1 max-h-72 w-full overflow-auto rounded-control border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {runs(shown).map((run) =>
            run.group ? (
              <li key={`group-${run.start}`} role="group" aria-labelledby={`${id}-group-${run.start}`}>
                <div id={`${id}-group-${run.start}`} className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                  {run.group}
                </div>
                <ul role="none">{run.options.map((o, j) => renderOption(o, run.start + j))}</ul>
              </li>
            ) : (
              run.options.map((o, j) => renderOption(o, run.start + j))
            ),
          )}
        </ul>
      ) : null}
    </div>
  );
}
