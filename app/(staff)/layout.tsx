import { notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { StaffShell } from '@/components/shell/staff-shell';
import { can } from '@/lib/domain/permissions';
import { getActor } from '@/server/auth/session';

/** The staff frame. Each page below still checks the session and permission itself. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect('/login');
  if (actor.kind !== 'staff') notFound();

  const nav = [
    { href: '/inbox', label: 'Inbox' },
    { href: '/boards', label: 'Boards' },
    { href: '/customers', label: 'Customers' },
    ...(can(actor, 'settings:manage') ? [{ href: '/settings', label: 'Settings' }] : []),
  ];
  return (
    <StaffShell user={actor} nav={nav} signOut={<SignOutButton redirectTo="/login" />}>
      {children}
    </StaffShell>
  );
}
