'use client';

import { useState, type KeyboardEvent } from 'react';
import { filterMacros, type ComposerMacro } from './macro-picker';

interface PickerOptions {
  /** Puts a macro's text in the composer: replacing the "/query" typed, or after what is there. */
  insert: (text: string, replace: boolean) => void;
  /** Focuses the search box once the button opened the list. */
  focusSearch: () => void;
  focusComposer: () => void;
}

/**
 * The composer's macro state. Typing "/" at the start of an empty composer opens the list, filtered by
 * what follows; the Macros button opens it with a search box. Choosing a macro puts its text in the
 * composer and remembers it, so its actions apply on send.
 */
export function useMacroPicker(macros: readonly ComposerMacro[], options: PickerOptions) {
  const [open, setOpen] = useState<'slash' | 'button' | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<ComposerMacro | null>(null);
  const matches = open ? filterMacros(macros, query) : [];

  function close() {
    setOpen(null);
    setQuery('');
    setActive(0);
  }

  function choose(macro: ComposerMacro) {
    options.insert(macro.text, open === 'slash');
    setChosen(macro);
    close();
    options.focusComposer();
  }

  /** Called on every change of the composer text. */
  function onText(value: string) {
    if (macros.length === 0) return;
    const slash = /^\/([^\n]*)$/.exec(value);
    if (slash) {
      setOpen('slash');
      setQuery(slash[1]);
      setActive(0);
    } else if (open === 'slash') close();
  }

  /** Arrow keys, Enter and Escape while the list is open (from the textarea or the search box). */
  function onKeyDown(event: KeyboardEvent) {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : 0));
    } else if (event.key === 'Enter' && matches[active]) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
      options.focusComposer();
    }
  }

  function toggleButton() {
    if (open === 'button') return close();
    setOpen('button');
    setQuery('');
    setActive(0);
    requestAnimationFrame(options.focusSearch);
  }

  function search(q: string) {
    setQuery(q);
    setActive(0);
  }

  return { open, query, search, active, matches, chosen, clearChosen: () => setChosen(null), choose, onText, onKeyDown, toggleButton };
}
