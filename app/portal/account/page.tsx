import type { Metadata } from 'next';
import { SignOutEverywhereButton } from '@/components/account/sign-out-everywhere';
import { PasswordChangeForm } from '@/components/account/password-change-form';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui';
import { getDb } from '@/server/db';
import { requireCustomerPage } from '@/server/auth/session';
import { countLiveSessions } from '@/server/services/sessions';

export const metadata: Metadata = { title: 'Your account' };

const browsers = (n: number) => (n === 1 ? 'this browser only' : `${n} browsers, this one included`);

/** A portal customer's own password and sessions. */
export default async function PortalAccountPage() {
  const customer = await requireCustomerPage('/portal/account');
  const live = await countLiveSessions(await getDb(), { kind: 'customer', id: customer.id });
  return (
    <div className="mx-auto w-full max-w-xl space-y-4 py-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Your account</h1>
        <p className="mt-1 text-sm break-all text-slate-600">{customer.name} · {customer.email}</p>
      </div>
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
            You are signed in on {browsers(live)}. Used a shared computer, or lost a phone? Sign out everywhere.
          </p>
        </CardHeader>
        <CardBody>
          <SignOutEverywhereButton redirectTo="/portal" />
        </CardBody>
      </Card>
    </div>
  );
}
