'use client';

import { useTransition } from 'react';
import { Card, CardBody, CardHeader, CardTitle, toast } from '@/components/ui';
import { setTeamAutoAssignAction } from '@/server/actions/settings';

/** Round-robin per team: unassigned tickets that reach the team go to its next available agent. */
export function TeamsForm({ teams }: { teams: { id: number; name: string; autoAssign: boolean; available: number }[] }) {
  const [pending, startTransition] = useTransition();
  function toggle(teamId: number, autoAssign: boolean) {
    const form = new FormData();
    form.set('teamId', String(teamId));
    form.set('autoAssign', String(autoAssign));
    startTransition(async () => {
      const result = await setTeamAutoAssignAction(form);
      if (result.ok) toast.success(autoAssign ? 'Round-robin is on' : 'Round-robin is off');
      else toast.error(result.message);
    });
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Teams and round-robin</CardTitle>
      </CardHeader>
      <CardBody>
        <ul className="divide-y divide-slate-100">
          {teams.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span className="font-medium text-slate-900">{t.name}</span>
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" defaultChecked={t.autoAssign} disabled={pending} onChange={(e) => toggle(t.id, e.target.checked)} />
                Round-robin to available agents ({t.available} available now)
              </label>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
