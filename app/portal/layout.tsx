import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { PortalShell } from '@/components/shell/portal-shell';
import { getActor } from '@/server/auth/session';

const link = 'rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100';

/** The portal frame. Each page checks the session itself. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  const actions =
    actor?.kind === 'customer' ? (
      <>
        <Link className={link} href="/portal">My requests</Link>
        <Link className={link} href="/portal/new">New request</Link>
        <Link className={link} href="/portal/account">Account</Link>
        <SignOutButton redirectTo="/portal" />
      </>
    ) : (
      <>
        <Link className={link} href="/portal/new">New request</Link>
        <Link className={link} href="/portal/login">Sign in</Link>
        <Link className={link} href="/portal/signup">Create account</Link>
      </>
    );
  return <PortalShell actions={actions}>{children}</PortalShell>;
}
