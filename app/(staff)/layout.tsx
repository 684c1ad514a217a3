import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { AvailabilitySwitch } from '@/components/shell/availability-switch';
import { asUnavailable, getDb } from '@/server/db';
import { isStaffAvailable } from '@/server/queries/staff';
import { StaffShell } from '@/components/shell/staff-shell';
import { can } from '@/lib/domain/permissions';
import { getActor } from '@/server/auth/session';

/**
 * The staff frame, for staff only. The pages below do the checking: they redirect anonymous visitors
 * to sign in (with the way back) and answer 404 to customers. Here, anyone else just gets no frame.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (actor?.kind !== 'staff') return children;

  const nav = [
    { href: '/inbox', label: 'Inbox' },
    { href: '/boards', label: 'Boards' },
    { href: '/customers', label: 'Customers' },
    { href: '/macros', label: 'Macros' },
    ...(can(actor, 'settings:manage') ? [{ href: '/settings', label: 'Settings' }] : []),
  ];
  // A database outage here shows the "we'll be right back" page (app/error.tsx), not a generic error.
  const available = await isStaffAvailable(await getDb(), actor.id).catch((error: unknown) => {
    throw asUnavailable(error);
  });
  return (
    <StaffShell user={actor} nav={nav} signOut={<SignOutButton redirectTo="/login" />}
      headerExtra={<AvailabilitySwitch available={available} />}>
      {children}
    </StaffShell>
  );
}
