import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChevronLeft } from 'lucide-react';
import { CustomerHistoryPanel } from '@/components/customers/customer-history';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/server/db';
import { requireStaffPage } from '@/server/auth/session';
import { idSchema } from '@/lib/validation/common';
import { getCustomerHistory } from '@/server/queries/customer-history';

export const metadata: Metadata = { title: 'Customer' };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Portal customers and anyone without customer:read get the same 404 as an unknown id.
  await requireStaffPage('customer:read', `/customers/${id}`);
  const customerId = idSchema.safeParse(id);
  if (!customerId.success) notFound();
  const history = await getCustomerHistory(await getDb(), customerId.data);
  if (!history) notFound();
  return (
    <div className="space-y-4">
      <Link href="/customers" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ChevronLeft aria-hidden className="size-4" /> Customers
      </Link>
      <PageHeader title={history.profile.name} description={history.profile.email} className="mb-0 break-words" />
      <div className="max-w-3xl">
        <CustomerHistoryPanel history={history} />
      </div>
    </div>
  );
}
