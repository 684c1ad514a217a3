import type { Metadata } from 'next';
import { SignOutEverywhereButton } from '@/components/account/sign-out-everywhere';
import { PasswordChangeForm } from '@/components/account/password-change-form';
import { PageHeader } from '@/components/shell/page-header';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui';
import { getDb } from '@/server/db';
import { requireStaffPage } from '@/server/auth/session';
import { countLiveSessions } from '@/server/services/sessions';

export const metadata: Metadata = { title: 'Your account' };

const browsers = (n: number) => (n === 1 ? 'this browser only' : `${n} browsers, this one included`);

/** A staff member's own password and sessions. Every staff role may open it (all of them read tickets). */
export default async function StaffAccountPage() {
  const actor = await requireStaffPage('ticket:read', '/account');
  const live = await countLiveSessions(await getDb(), { kind: 'staff', id: actor.id });
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title="Your account" description={`${actor.name} · ${actor.email}`} />
      <Card>
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <p className="text-sm text-slate-600">Changing it signs you out of every other browser; this one stays signed in.</p>
        </CardHeader>
        <CardBody>
          <PasswordChangeForm />
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Sessions</CardTitle>
          <p className="text-sm text-slate-600" data-testid="live-sessions">
            You are signed in on {browsers(live)}. Left signed in somewhere, or lost a device? Sign out everywhere, then sign in again here.
          </p>
        </CardHeader>
        <CardBody>
          <SignOutEverywhereButton redirectTo="/login" />
        </CardBody>
      </Card>
    </div>
  );
}
