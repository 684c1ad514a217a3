import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold text-slate-900">We couldn&apos;t find that page</h1>
      <p className="max-w-md text-slate-600">It may have moved, or you may not have access to it.</p>
      <Link href="/" className="font-medium text-brand-700 underline">Go to the start page</Link>
    </main>
  );
}
