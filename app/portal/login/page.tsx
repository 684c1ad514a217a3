import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Card, CardBody, FormMessage } from '@/components/ui';
import { PORTAL_CALLBACK_ROUTES, safeCallbackUrl } from '@/lib/safe-callback';
import { getActor } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function PortalLoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, '/portal', PORTAL_CALLBACK_ROUTES);
  if ((await getActor())?.kind === 'customer') redirect(callbackUrl);
  return (
    <div className="mx-auto w-full max-w-sm space-y-4 py-6">
      <h1 className="text-2xl font-semibold text-slate-900">Sign in</h1>
      <FormMessage tone="success">{params.reset ? 'Your new password is saved. Sign in with it.' : null}</FormMessage>
      <Card>
        <CardBody>
          <SignInForm provider="customer" callbackUrl={callbackUrl} />
        </CardBody>
      </Card>
      <p className="text-sm text-slate-600">
        <Link href="/portal/reset" className="font-medium text-brand-700 underline">Forgot your password?</Link>
      </p>
      <p className="text-sm text-slate-600">
        New here? <Link href="/portal/signup" className="font-medium text-brand-700 underline">Create an account</Link>
      </p>
    </div>
  );
}
