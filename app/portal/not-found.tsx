import Link from 'next/link';

/** Every portal 404 looks the same: another customer's request, a guessed key and an expired link alike. */
export default function PortalNotFound() {
  return (
    <div className="flex flex-col items-center gap-3 py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold text-slate-900">This link or request isn&apos;t available</h1>
      <p className="max-w-md text-slate-600">
        The link may have expired or already been used, or the request belongs to another account. Private links stop working
        after 30 days without activity; reset links after an hour.
      </p>
      <div className="flex flex-wrap justify-center gap-4">
        <Link href="/portal" className="font-medium text-brand-700 underline">Go to the support portal</Link>
        <Link href="/portal/reset" className="font-medium text-brand-700 underline">Reset your password</Link>
      </div>
    </div>
  );
}
