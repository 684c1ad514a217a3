'use client';

import { useEffect } from 'react';

export interface InboxKeys {
  move: (delta: 1 | -1) => void;
  open: () => void;
  toggleSelect: () => void;
  assignToMe: () => void;
  focusSearch: () => void;
  toggleHelp: () => void;
}

export const SHORTCUTS: [string, string][] = [
  ['j / k', 'Next / previous ticket'],
  ['Enter', 'Open the ticket'],
  ['x', 'Select or unselect'],
  ['a', 'Assign to me'],
  ['/', 'Search'],
  ['?', 'Show these shortcuts'],
];

/** Inbox shortcuts; ignored while typing in a field, so they never eat text. */
export function useInboxKeyboard(keys: InboxKeys) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (target.closest('input, textarea, select, [contenteditable=true]')) return;
      const actions: Record<string, () => void> = {
        j: () => keys.move(1),
        k: () => keys.move(-1),
        Enter: keys.open,
        x: keys.toggleSelect,
        a: keys.assignToMe,
        '/': keys.focusSearch,
        '?': keys.toggleHelp,
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keys]);
}
