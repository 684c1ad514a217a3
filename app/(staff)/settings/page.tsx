import type { Metadata } from 'next';
import { Badge, Card, CardBody, CardHeader, CardTitle, Table, TBody, TD, TH, THead, TR } from '@/components/ui';
import { PageHeader } from '@/components/shell/page-header';
import { getDb } from '@/db/client';
import { requireStaffPage } from '@/server/auth/session';
import { listStaff } from '@/server/queries/staff';
import { getSettings } from '@/server/services/settings';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requireStaffPage('settings:manage', '/settings');
  const db = await getDb();
  const [staff, settings] = await Promise.all([listStaff(db), getSettings(db)]);
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Workspace configuration. Add staff with `npm run tp -- users:create`." />
      <Card>
        <CardHeader><CardTitle>Workspace</CardTitle></CardHeader>
        <CardBody>
          <dl className="grid max-w-md grid-cols-2 gap-2 text-sm">
            <dt className="text-slate-500">Time zone</dt><dd>{settings.timeZone}</dd>
            <dt className="text-slate-500">Re-contact window</dt><dd>{settings.recontactWindowDays} days</dd>
            <dt className="text-slate-500">Auto-close solved after</dt><dd>{settings.autoCloseDays} days</dd>
          </dl>
        </CardBody>
      </Card>
      <Table label="Staff">
        <THead><TR><TH>Name</TH><TH>Email</TH><TH>Role</TH><TH>Team</TH></TR></THead>
        <TBody>
          {staff.map((u) => (
            <TR key={u.id}>
              <TD className="font-medium">{u.name}{u.canSignIn ? null : <Badge className="ml-2">cannot sign in</Badge>}</TD>
              <TD className="text-slate-600">{u.email}</TD>
              <TD className="capitalize">{u.role}</TD>
              <TD>{u.team ?? '–'}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
