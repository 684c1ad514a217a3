import * as React from 'react';
import Link from 'next/link';
import { LifeBuoy } from 'lucide-react';

export interface PortalShellProps {
  /** Right side of the header: links such as "My requests", "New request", sign in/out. */
  actions?: React.ReactNode;
  children: React.ReactNode;
}

/** Customer portal frame: header with brand + actions, centred max-w-3xl column, footer. Server component. */
export function PortalShell({ actions, children }: PortalShellProps) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-control bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex w-full max-w-3xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <Link
            href="/portal"
            className="flex items-center gap-2 rounded-control text-base font-semibold text-slate-900"
          >
            <span className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-white">
              <LifeBuoy aria-hidden="true" className="size-4" />
            </span>
            Touchpoint Support
          </Link>
          {actions && <div className="flex flex-wrap items-center gap-2 text-sm">{actions}</div>}
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 focus:outline-none sm:px-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto w-full max-w-3xl px-4 py-4 text-center text-xs text-slate-500 sm:px-6">
          Powered by Touchpoint
        </div>
      </footer>
    </div>
  );
}
