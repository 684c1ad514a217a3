import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, buttonClasses, Card, CardHeader, CardTitle, Table, TBody, TD, TH, THead, TR } from '@/components/ui';
import { PageHeader } from '@/components/shell/page-header';
import { ApiTokens } from '@/components/settings/api-tokens';
import { BusinessHoursForm } from '@/components/settings/business-hours-form';
import { GeneralForm } from '@/components/settings/general-form';
import { SlaForm } from '@/components/settings/sla-form';
import { RevokeSessionsButton } from '@/components/settings/revoke-sessions-button';
import { TeamsForm } from '@/components/settings/teams-form';
import { getDb } from '@/server/db';
import { can } from '@/lib/domain/permissions';
import { knownTimeZones } from '@/lib/validation/settings-forms';
import { requireStaffPage } from '@/server/auth/session';
import { listApiTokens, listTokenOwners } from '@/server/queries/api-tokens';
import { listStaff, listTeamsWithAvailability } from '@/server/queries/staff';
import { getSettings } from '@/server/services/settings';

export const metadata: Metadata = { title: 'Settings' };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export default async function SettingsPage() {
  const actor = await requireStaffPage('settings:manage', '/settings');
  const canManageTokens = can(actor, 'tokens:manage');
  const canManageUsers = can(actor, 'users:manage');
  const db = await getDb();
  const [staff, settings, tokens, owners, teamRows] = await Promise.all([
    listStaff(db),
    getSettings(db),
    canManageTokens ? listApiTokens(db) : [],
    canManageTokens ? listTokenOwners(db) : [],
    listTeamsWithAvailability(db),
  ]);
  const teamCalendarCount = Object.keys(settings.teamCalendars).length;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Settings"
        description="Workspace configuration. Changes apply from now on; past figures change only with a metrics rebuild."
        actions={
          <>
            <Link href="/settings/taxonomy" className={buttonClasses({ variant: 'secondary' })}>Taxonomy</Link>
            <Link href="/settings/outbox" className={buttonClasses({ variant: 'secondary' })}>Outbox</Link>
          </>
        }
      />
      <GeneralForm
        timeZone={settings.timeZone}
        recontactWindowDays={settings.recontactWindowDays}
        autoCloseDays={settings.autoCloseDays}
        timeZones={knownTimeZones()}
      />
      <BusinessHoursForm
        hours={settings.businessCalendar.hours}
        holidays={settings.businessCalendar.holidays}
        timeZone={settings.businessCalendar.timeZone}
      />
      {teamCalendarCount > 0 && (
        <p className="-mt-3 text-sm text-slate-500">
          {teamCalendarCount === 1 ? 'One team has its own calendar' : `${teamCalendarCount} teams have their own calendars`}, not
          edited here: their tickets use it instead of the workspace hours.
        </p>
      )}
      <SlaForm policy={settings.slaPolicy} />
      <TeamsForm teams={teamRows} />
      {canManageTokens && (
        <ApiTokens
          owners={owners}
          tokens={tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) }))}
        />
      )}
      <Card className="overflow-hidden">
        <CardHeader>
          <CardTitle>Staff</CardTitle>
          <p className="text-sm text-slate-500">
            Add staff with <code className="font-mono text-xs">npm run tp -- users:create</code>. &ldquo;Sign out everywhere&rdquo; ends
            every session of that person at once.
          </p>
        </CardHeader>
        <Table label="Staff" wrapperClassName="rounded-none border-0 shadow-none">
          <THead><TR><TH>Name</TH><TH>Email</TH><TH>Role</TH><TH>Team</TH><TH>Signed in</TH>{canManageUsers && <TH><span className="sr-only">Sessions</span></TH>}</TR></THead>
          <TBody>
            {staff.map((u) => (
              <TR key={u.id}>
                <TD className="font-medium">{u.name}{u.canSignIn ? null : <Badge className="ml-2">cannot sign in</Badge>}</TD>
                <TD className="text-slate-600">{u.email}</TD>
                <TD className="capitalize">{u.role}</TD>
                <TD>{u.team ?? '–'}</TD>
                <TD data-testid="staff-sessions">{u.liveSessions === 0 ? '–' : u.liveSessions === 1 ? '1 browser' : `${u.liveSessions} browsers`}</TD>
                {canManageUsers && (
                  <TD className="text-right">{u.liveSessions > 0 && <RevokeSessionsButton user={u} />}</TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}
