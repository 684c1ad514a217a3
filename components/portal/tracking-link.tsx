'use client';

import Link from 'next/link';
import { useState } from 'react';
import { CircleCheck } from 'lucide-react';
import { Button } from '@/components/ui';

/** Shown once after a guest submits: the private link, which we also mail. */
export function TrackingLink({ link }: { link: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="space-y-4 rounded-lg border border-success-200 bg-white p-5" data-testid="tracking-link-panel" aria-labelledby="sent-heading">
      <h2 id="sent-heading" className="flex items-center gap-2 text-lg font-semibold text-slate-900">
        <CircleCheck aria-hidden className="size-5 text-success-700" /> We received your request
      </h2>
      <p className="text-sm text-slate-700">
        This is your private link to follow it and reply. We have also emailed it to you. Keep it to yourself: anyone with the link
        can read the request. It stops working after 30 days without activity.
      </p>
      <p className="rounded-control border border-slate-200 bg-slate-50 p-3 font-mono text-sm break-all text-slate-900" data-testid="tracking-link">
        {link}
      </p>
      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(link).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy link'}
        </Button>
        <Link href={new URL(link).pathname} className="inline-flex items-center rounded-control px-3 text-sm font-medium text-brand-700 underline">
          Open my request
        </Link>
      </div>
    </section>
  );
}
