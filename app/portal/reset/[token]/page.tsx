import type { Metadata } from 'next';
import { connection } from 'next/server';
import { notFound } from 'next/navigation';
import { ResetPasswordForm } from '@/components/portal/account-forms';
import { Card, CardBody } from '@/components/ui';
import { getDb } from '@/server/db';
import { isResetTokenLive } from '@/server/services/portal-accounts';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

/** The mailed reset link: one hour, single use. Anything else is a 404. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  if (!(await isResetTokenLive(await getDb(), token))) notFound();
  return (
    <div className="mx-auto w-full max-w-sm space-y-4 py-6">
      <h1 className="text-2xl font-semibold text-slate-900">Choose a new password</h1>
      <Card>
        <CardBody>
          <ResetPasswordForm token={token} />
        </CardBody>
      </Card>
    </div>
  );
}
