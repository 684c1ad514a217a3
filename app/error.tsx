'use client';

import { useEffect, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/errors';

/** While the database is down, the page asks this often whether it is back, then reloads itself. */
const RECHECK_MS = 2_000;

async function isReady(): Promise<boolean> {
  try {
    return (await fetch('/api/health/ready', { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/**
 * Unexpected failures: a generic message, never a stack trace (the server has logged the details).
 * A database outage is not a bug: its error carries our digest (or the readiness probe says so), and the
 * page says "we'll be right back" and reloads by itself once the database answers again.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [outage, setOutage] = useState(error.digest === DATABASE_UNAVAILABLE_DIGEST);
  const [, startTransition] = useTransition();

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const ready = await isReady();
      if (cancelled) return;
      if (!ready) {
        setOutage(true);
        timer = setTimeout(check, RECHECK_MS);
      } else if (outage) {
        startTransition(() => {
          router.refresh();
          reset();
        });
      }
    };
    void check();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [outage, reset, router]);

  if (outage) {
    return (
      <main data-testid="outage-page" className="flex min-h-[60dvh] flex-col items-center justify-center gap-3 px-4 text-center">
        <h1 className="text-2xl font-semibold text-slate-900">We&apos;ll be right back</h1>
        <p className="max-w-md text-slate-600">
          Touchpoint can&apos;t reach its database for a moment. Nothing you saved is lost. This page reloads by itself as soon as
          we&apos;re back.
        </p>
        <Button onClick={() => startTransition(() => { router.refresh(); reset(); })}>Try again now</Button>
      </main>
    );
  }
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="max-w-md text-slate-600">Please try again. If it keeps happening, let your administrator know.</p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
