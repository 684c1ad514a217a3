'use client';

import * as React from 'react';
import { usePathname } from 'next/navigation';
import { Menu, X } from 'lucide-react';
import { cn } from '@/components/ui/cn';

export interface MobileNavProps {
  /** The product name/link. Shown in the mobile top bar, and at the top of the sidebar on desktop. */
  brand: React.ReactNode;
  /** Sidebar content (nav links, user block, sign-out). Rendered once in the DOM for both layouts. */
  children: React.ReactNode;
}

/**
 * The interactive part of the staff frame.
 * - >= md: a fixed 15rem (w-60) left sidebar, always visible; the brand sits at its top.
 * - <  md: a sticky top bar with a menu button (aria-expanded/aria-controls) that reveals the
 *   sidebar content as a full-width panel. Closes on navigation, link click and Escape.
 */
export function MobileNav({ brand, children }: MobileNavProps) {
  const [open, setOpen] = React.useState(false);
  const pathname = usePathname();
  const panelId = React.useId();
  const buttonRef = React.useRef<HTMLButtonElement>(null);

  // Close whenever the route changes (state adjustment during render, no effect needed).
  const [lastPath, setLastPath] = React.useState(pathname);
  if (pathname !== lastPath) {
    setLastPath(pathname);
    setOpen(false);
  }

  React.useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <>
      <div
        className={cn(
          'sticky top-0 z-40 flex h-14 items-center justify-between gap-3 border-b border-slate-200 bg-white px-4',
          'md:fixed md:top-0 md:left-0 md:h-16 md:w-60 md:border-r md:border-b-0 md:px-5',
        )}
      >
        {brand}
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={open ? 'Close menu' : 'Open menu'}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex size-10 items-center justify-center rounded-control text-slate-700 hover:bg-slate-100 md:hidden"
        >
          {open ? <X aria-hidden="true" className="size-5" /> : <Menu aria-hidden="true" className="size-5" />}
        </button>
      </div>
      <aside
        id={panelId}
        data-open={open || undefined}
        className={cn(
          open ? 'flex' : 'hidden',
          'fixed inset-x-0 top-14 bottom-0 z-30 flex-col overflow-y-auto border-slate-200 bg-white shadow-lg',
          'md:top-16 md:right-auto md:flex md:w-60 md:border-r md:shadow-none',
        )}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('a')) setOpen(false);
        }}
      >
        {children}
      </aside>
    </>
  );
}
