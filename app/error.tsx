'use client';

import { Button } from '@/components/ui';

/** Unexpected failures: a generic message, never a stack trace. The server has logged the details. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="max-w-md text-slate-600">Please try again. If it keeps happening, let your administrator know.</p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
