import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Card, CardBody } from '@/components/ui';
import { getActor } from '@/server/auth/session';
import { safeCallbackUrl, STAFF_CALLBACK_ROUTES } from '@/lib/safe-callback';

export const metadata: Metadata = { title: 'Staff sign in' };

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl, '/inbox', STAFF_CALLBACK_ROUTES);
  const actor = await getActor();
  if (actor?.kind === 'staff') redirect(callbackUrl);

  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="mb-1 text-2xl font-semibold text-slate-900">Touchpoint</h1>
        <p className="mb-6 text-sm text-slate-600">Sign in to your team&apos;s inbox.</p>
        <Card>
          <CardBody>
            <SignInForm provider="staff" callbackUrl={callbackUrl} />
          </CardBody>
        </Card>
        <p className="mt-6 text-center text-sm text-slate-600">
          Looking for help as a customer?{' '}
          <Link className="font-medium text-brand-700 underline" href="/portal">
            Go to the support portal
          </Link>
        </p>
      </div>
    </main>
  );
}
