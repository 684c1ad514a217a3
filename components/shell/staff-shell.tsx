import * as React from 'react';
import Link from 'next/link';
import { Headset } from 'lucide-react';
import { MobileNav } from './mobile-nav';
import { NavList, type StaffNavItem } from './nav-list';

export type StaffRole = 'admin' | 'lead' | 'agent';

export interface StaffShellUser {
  name: string;
  email: string;
  role: StaffRole;
}

export type { StaffNavItem } from './nav-list';

export interface StaffShellProps {
  user: StaffShellUser;
  /** Items to show, in order; the caller filters by role. */
  nav: StaffNavItem[];
  /** A sign-out control (e.g. a <form action={signOut}><Button …/></form>). */
  signOut: React.ReactNode;
  /** Optional content for the top bar above the page (search, quick actions…). */
  headerExtra?: React.ReactNode;
  children: React.ReactNode;
}


const ROLE_LABEL: Record<StaffRole, string> = { admin: 'Admin', lead: 'Lead', agent: 'Agent' };


function Brand({ href }: { href: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded-control text-base font-semibold text-slate-900">
      <span className="flex size-8 items-center justify-center rounded-control bg-brand-600 text-white">
        <Headset aria-hidden="true" className="size-4" />
      </span>
      Touchpoint
    </Link>
  );
}

function UserBlock({ user, signOut }: { user: StaffShellUser; signOut: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-3 border-t border-slate-200 pt-3">
      <div className="min-w-0 px-1">
        <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
        <p className="truncate text-xs text-slate-500">
          <span data-testid="user-role">{ROLE_LABEL[user.role]}</span>
          <span aria-hidden="true"> · </span>
          <span className="sr-only">, </span>
          {user.email}
        </p>
        <Link href="/account" className="mt-1 inline-block text-xs font-medium text-brand-700 underline-offset-2 hover:underline">
          Password and sessions
        </Link>
      </div>
      {signOut}
    </div>
  );
}

/** Staff app frame: desktop sidebar (>= md), mobile top bar + menu. Server component. */
export function StaffShell({ user, nav, signOut, headerExtra, children }: StaffShellProps) {
  const homeHref = nav[0]?.href ?? '/';
  return (
    <div className="min-h-dvh">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-control bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>

      {/* Sidebar (>= md) / top bar + menu panel (< md); rendered once. */}
      <MobileNav brand={<Brand href={homeHref} />}>
        <nav aria-label="Main" className="flex-1 px-3 py-3 md:py-2">
          <NavList nav={nav} />
        </nav>
        <div className="p-3">
          <UserBlock user={user} signOut={signOut} />
        </div>
      </MobileNav>

      <div className="flex min-w-0 flex-col md:pl-60">
        {headerExtra && (
          <div className="flex min-h-14 flex-wrap items-center justify-end md:min-h-16 gap-2 border-b border-slate-200 bg-white/80 px-4 py-2 sm:px-6 lg:px-8">
            {headerExtra}
          </div>
        )}
        <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-7xl min-w-0 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
