import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/components/portal/account-forms';
import { Card, CardBody } from '@/components/ui';

export const metadata: Metadata = { title: 'Reset your password' };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto w-full max-w-sm space-y-4 py-6">
      <h1 className="text-2xl font-semibold text-slate-900">Reset your password</h1>
      <p className="text-sm text-slate-700">Enter the email address of your account. We will mail you a link to choose a new password.</p>
      <Card>
        <CardBody>
          <ForgotPasswordForm />
        </CardBody>
      </Card>
      <p className="text-sm text-slate-600">
        Remembered it? <Link href="/portal/login" className="font-medium text-brand-700 underline">Sign in</Link>
      </p>
    </div>
  );
}
