import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { VerifyEmailForm } from '@/components/portal/account-forms';
import { Card, CardBody } from '@/components/ui';
import { getDb } from '@/server/db';
import { requireCustomerPage } from '@/server/auth/session';
import { findLiveToken } from '@/server/services/portal-tokens';

export const metadata: Metadata = { title: 'Confirm your email', referrer: 'no-referrer' };

/**
 * The mailed verification link. It must be opened signed in as the account it was made for (sign-in
 * comes first): the owner of an address someone else signed up with verifies nothing for them.
 */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const customer = await requireCustomerPage(`/portal/verify/${encodeURIComponent(token)}`);
  const live = await findLiveToken(await getDb(), 'email_verification', token);
  if (!live || live.customerId !== customer.id) notFound();
  return (
    <div className="mx-auto w-full max-w-sm space-y-4 py-6">
      <h1 className="text-2xl font-semibold text-slate-900">Confirm your email</h1>
      <Card>
        <CardBody className="space-y-4">
          <p className="text-sm text-slate-700">
            Confirm that <strong>{customer.email}</strong> is yours. Your account then shows every request made with this address.
          </p>
          <VerifyEmailForm token={token} />
        </CardBody>
      </Card>
    </div>
  );
}
