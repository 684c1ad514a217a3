import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/portal/sign-up-form';
import { Card, CardBody } from '@/components/ui';
import { getActor } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage() {
  if ((await getActor())?.kind === 'customer') redirect('/portal');
  return (
    <div className="mx-auto w-full max-w-sm space-y-4 py-6">
      <h1 className="text-2xl font-semibold text-slate-900">Create an account</h1>
      <Card>
        <CardBody>
          <SignUpForm />
        </CardBody>
      </Card>
      <p className="text-sm text-slate-600">
        Already have one? <Link href="/portal/login" className="font-medium text-brand-700 underline">Sign in</Link>
      </p>
    </div>
  );
}
