import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { Users } from 'lucide-react';
import { Button, EmptyState, Input, SkeletonRows, Table, TBody, TD, TH, THead, TR } from '@/components/ui';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/server/db';
import { requireStaffPage } from '@/server/auth/session';
import { searchCustomers } from '@/server/queries/customers';
import { customerSearchSchema } from '@/lib/validation/customers';

export const metadata: Metadata = { title: 'Customers' };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireStaffPage('customer:read', '/customers');
  const { q } = customerSearchSchema.parse(await searchParams);
  return (
    <div className="space-y-4">
      <PageHeader title="Customers" description="Find a customer by name or email." />
      <form className="flex max-w-md gap-2" role="search">
        <label htmlFor="q" className="sr-only">Name or email</label>
        <Input id="q" name="q" defaultValue={q} placeholder="Name or email" />
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      <Suspense key={q} fallback={<SkeletonRows rows={8} label="Loading customers…" />}>
        <CustomerResults q={q} />
      </Suspense>
    </div>
  );
}

async function CustomerResults({ q }: { q: string }) {
  const rows = await searchCustomers(await getDb(), q);
  if (rows.length === 0) {
    return <EmptyState icon={Users} title="No customers found" description={q ? `Nobody matches “${q}”.` : 'Customers appear here when they contact you.'} />;
  }
  return (
    <Table label="Customers">
      <THead>
        <TR><TH>Name</TH><TH>Email</TH><TH className="text-right">Tickets</TH></TR>
      </THead>
      <TBody>
        {rows.map((c) => (
          <TR key={c.id}>
            <TD className="font-medium">
              <Link href={`/customers/${c.id}`} className="hover:underline">{c.name}</Link>
            </TD>
            <TD className="text-slate-600">{c.email}</TD>
            <TD className="text-right tabular-nums">{c.tickets}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
